/*
 * Entry of the bare-metal x86-64 boards, from a Multiboot v1 loader (QEMU's -kernel, GRUB), which
 * starts it in 32-bit protected mode, paging off, EAX = 0x2BADB002, EBX = the information's address.
 * QEMU loads no ELF64 by its program headers, so the header gives the addresses (flag 16) and both
 * loaders take the image by them: the file from the header on is the memory from __image_start
 * (linker/x86.ld keeps it one block), zeroed up to __bss_end, entered at _start.
 *
 *   _start (32-bit)                               long_mode (64-bit)
 *   clear .bss, check CPUID for long mode,        data segments, the main stack, SSE on,
 *   identity-map 0-4 GiB, PAE, EFER.LME,  --->    x86_boot(magic, info)
 *   the GDT below, paging on                ljmp
 *
 * Page tables, in .bss: x86_pml4[0] -> x86_pdpt[0-3] -> x86_pd[0-2047], entry i mapping the 2 MiB at
 * i * 2 MiB; the fourth GiB (the local APIC at 0xFEE00000, the I/O APIC, PCI devices) uncached.
 *
 * GDT, x86_gdt, in .data since trap.cpp writes the TSS's descriptor at 0x18 and ltr marks it busy:
 *   0x00  null
 *   0x08  code, ring 0, 64-bit
 *   0x10  data, ring 0                      (every data segment register)
 *   0x18  TSS, 16 bytes                     (trap.cpp: the interrupt stacks)
 *
 * A CPU without long mode gets a line on COM1, polled, and a halt: nothing else can report it.
 */
    .section .multiboot, "a"
    .p2align 2
header:
    .long   0x1BADB002              /* magic */
    .long   1 << 16                 /* flags: the addresses below */
    .long   -(0x1BADB002 + (1 << 16))
    .long   header                  /* header_addr */
    .long   __image_start           /* load_addr */
    .long   __image_end             /* load_end_addr */
    .long   __bss_end               /* bss_end_addr */
    .long   _start                  /* entry_addr */

    .section .text.boot, "ax"
    .code32
    .globl  _start
    .type   _start, @function
_start:
    cli
    cld
    movl    $__main_stack_top, %esp
    movl    %eax, %ebp              /* kept through cpuid, rdmsr and the loops */
    movl    %ebx, %esi
    movl    $__bss_start, %edi
    movl    $__bss_end, %ecx
    subl    %edi, %ecx
    shrl    $2, %ecx
    xorl    %eax, %eax
    rep stosl

    movl    $0x80000000, %eax       /* the extended leaves, if any */
    cpuid
    cmpl    $0x80000001, %eax
    jb      no_long_mode
    movl    $0x80000001, %eax
    cpuid
    btl     $29, %edx               /* LM */
    jnc     no_long_mode

    movl    $(x86_pdpt + 3), x86_pml4               /* present, writable */
    movl    $(x86_pd + 0x0000 + 3), x86_pdpt + 0
    movl    $(x86_pd + 0x1000 + 3), x86_pdpt + 8
    movl    $(x86_pd + 0x2000 + 3), x86_pdpt + 16
    movl    $(x86_pd + 0x3000 + 3), x86_pdpt + 24
    xorl    %ecx, %ecx
1:  movl    %ecx, %eax
    shll    $21, %eax
    orl     $0x83, %eax             /* present, writable, 2 MiB */
    cmpl    $1536, %ecx
    jb      2f
    orl     $0x18, %eax             /* the fourth GiB: PWT, PCD */
2:  movl    %eax, x86_pd(, %ecx, 8)
    incl    %ecx
    cmpl    $2048, %ecx
    jb      1b

    movl    $x86_pml4, %eax
    movl    %eax, %cr3
    movl    %cr4, %eax
    orl     $(1 << 5), %eax         /* PAE */
    movl    %eax, %cr4
    movl    $0xC0000080, %ecx       /* EFER */
    rdmsr
    orl     $(1 << 8), %eax         /* LME */
    andl    $~(1 << 14), %eax       /* not FFXSR, which makes fxsave skip the SSE registers */
    wrmsr
    lgdt    gdt_pointer
    movl    %cr0, %eax
    orl     $0x80000001, %eax       /* PG, PE: long mode, in a 32-bit segment until the jump */
    movl    %eax, %cr0
    ljmp    $0x08, $long_mode

no_long_mode:
    movl    $no_long_mode_text, %esi
3:  lodsb
    testb   %al, %al
    jz      halt
    movb    %al, %ah
    movw    $0x3FD, %dx             /* COM1's LSR: wait for THR empty */
4:  inb     %dx, %al
    testb   $0x20, %al
    jz      4b
    movw    $0x3F8, %dx
    movb    %ah, %al
    outb    %al, %dx
    jmp     3b
halt:                               /* the same bytes in 32 and 64 bits */
    cli
    hlt
    jmp     halt

    .code64
long_mode:
    movl    $0x10, %eax
    movl    %eax, %ds
    movl    %eax, %es
    movl    %eax, %ss
    movl    %eax, %fs
    movl    %eax, %gs
    movl    $__main_stack_top, %esp /* zero-extended; 16-byte aligned at the call */
    movq    %cr0, %rax
    andq    $~((1 << 2) | (1 << 3)), %rax   /* EM, TS off: x87 and SSE instructions run */
    orq     $((1 << 1) | (1 << 5)), %rax    /* MP; NE: x87 errors as #MF rather than IRQ13 */
    movq    %rax, %cr0
    movq    %cr4, %rax
    orq     $((1 << 9) | (1 << 10)), %rax   /* OSFXSR: SSE and fxsave; OSXMMEXCPT: #XM */
    movq    %rax, %cr4
    fninit
    movl    %ebp, %edi              /* magic and info, zero-extended */
    movl    %esi, %esi
    xorl    %ebp, %ebp              /* ends frame-pointer walks */
    call    x86_boot
    jmp     halt
    .size   _start, .-_start

    .section .rodata
no_long_mode_text:
    .asciz  "weft: this CPU has no 64-bit long mode\r\n"

    .section .data
    .p2align 4
    .globl  x86_gdt
x86_gdt:
    .quad   0
    .quad   0x00AF9A000000FFFF      /* code: present, ring 0, execute/read, 64-bit */
    .quad   0x00CF92000000FFFF      /* data: present, ring 0, read/write */
    .quad   0, 0                    /* the TSS */
gdt_end:
    .p2align 3
gdt_pointer:                        /* lgdt reads the base's low 4 bytes in 32-bit mode */
    .word   gdt_end - x86_gdt - 1
    .quad   x86_gdt

    .section .bss
    .p2align 12
x86_pml4:   .skip 4096
x86_pdpt:   .skip 4096
x86_pd:     .skip 4 * 4096

    .section .note.GNU-stack, "", @progbits
