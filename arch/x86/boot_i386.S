/*
 * Entry of the bare-metal i386 boards, from a Multiboot v1 loader (QEMU's -kernel, GRUB): 32-bit
 * protected mode, paging off, interrupts masked, EAX = 0x2BADB002, EBX = the information's address,
 * and a GDT that may be gone, so the first thing loaded is this one:
 *
 *   0x00  null
 *   0x08  code, 0-4 GiB, ring 0, 32-bit
 *   0x10  data, 0-4 GiB, ring 0, 32-bit     (every data segment register)
 *
 * Then .bss is cleared (a loader need not) and x86_boot(magic, info) runs on the main stack, which
 * linker/x86.ld places after .bss. The x87 unit is reset with CR0.NE, so its errors are exceptions
 * (#MF) rather than the legacy IRQ13. The image is ELF32: both loaders take its load addresses from
 * the program headers, so the header asks nothing of them.
 */
    .section .multiboot, "a"
    .p2align 2
    .long   0x1BADB002              /* magic */
    .long   0                       /* flags */
    .long   -0x1BADB002             /* checksum: the three words sum to 0 */

    .section .text.boot, "ax"
    .code32
    .globl  _start
    .type   _start, @function
_start:
    cli
    cld
    lgdt    gdt_pointer
    ljmp    $0x08, $1f
1:  movw    $0x10, %cx
    movw    %cx, %ds
    movw    %cx, %es
    movw    %cx, %ss
    movw    %cx, %fs
    movw    %cx, %gs
    movl    $__main_stack_top, %esp
    movl    %eax, %esi
    movl    %ebx, %ebp
    movl    $__bss_start, %edi
    movl    $__bss_end, %ecx
    subl    %edi, %ecx
    xorl    %eax, %eax
    rep stosb
    movl    %cr0, %eax
    andl    $~0xC, %eax             /* EM, TS off: x87 instructions run */
    orl     $0x22, %eax             /* MP, NE */
    movl    %eax, %cr0
    fninit
    subl    $8, %esp                /* 16-byte aligned at the call, as the ABI asks */
    pushl   %ebp
    pushl   %esi
    call    x86_boot
2:  cli
    hlt
    jmp     2b
    .size   _start, .-_start

    .section .rodata
    .p2align 3
gdt:
    .quad   0
    .quad   0x00CF9A000000FFFF      /* code: base 0, limit 4 GiB, present, ring 0, execute/read */
    .quad   0x00CF92000000FFFF      /* data: base 0, limit 4 GiB, present, ring 0, read/write */
gdt_end:
gdt_pointer:
    .word   gdt_end - gdt - 1
    .long   gdt

    .section .note.GNU-stack, "", @progbits
