/*
 * port_i386_start: where a fresh context's first switch lands (see port_context_init). The initial
 * frame left entry in edi and its argument in esi; esp is 16-byte aligned here, so after the
 * argument and its padding the call gives entry the alignment the ABI promises. entry never
 * returns.
 */
    .text
    .globl port_i386_start
    .type port_i386_start, @function
    .p2align 4
port_i386_start:
    .cfi_startproc
    .cfi_undefined eip      /* backtraces end here */
    subl    $12, %esp
    pushl   %esi
    calll   *%edi
    ud2
    .cfi_endproc
    .size port_i386_start, .-port_i386_start

    .section .note.GNU-stack, "", @progbits
