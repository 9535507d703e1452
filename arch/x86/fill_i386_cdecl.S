/*
 * port_fill(void* lo, void* hi, uintptr_t word), i386 cdecl (System V): the arguments on the stack,
 * at 4, 8 and 12(%esp) on entry; stores `word` into [lo, hi), whose bounds lie 16 bytes apart.
 *
 * One `rep stosl`, as fill_x86_64_sysv.S has it; %edi is callee-saved here, so it is kept around it:
 *
 *   +0x10  word
 *   +0x0c  hi
 *   +0x08  lo
 *   +0x04  return address
 *   +0x00  the caller's %edi   <- esp, once pushed
 */
    .text
    .globl port_fill
    .type port_fill, @function
    .p2align 4
port_fill:
    .cfi_startproc
    pushl   %edi
    .cfi_adjust_cfa_offset 4
    .cfi_rel_offset %edi, 0
    movl    0x08(%esp), %edi
    movl    0x0c(%esp), %ecx
    movl    0x10(%esp), %eax
    subl    %edi, %ecx
    shrl    $2, %ecx
    rep stosl
    popl    %edi
    .cfi_adjust_cfa_offset -4
    .cfi_restore %edi
    ret
    .cfi_endproc
    .size port_fill, .-port_fill

    .section .note.GNU-stack, "", @progbits
