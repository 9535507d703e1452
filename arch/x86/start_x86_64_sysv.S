/*
 * port_x86_64_start: where a fresh context's first switch lands (see port_context_init).
 * The initial frame left entry in r13 and its argument in r12; rsp is 16-byte aligned here, so
 * the call gives entry the alignment the ABI promises. entry never returns.
 */
    .text
    .globl port_x86_64_start
    .type port_x86_64_start, @function
    .p2align 4
port_x86_64_start:
    .cfi_startproc
    .cfi_undefined rip      /* backtraces end here */
    movq    %r12, %rdi
    callq   *%r13
    ud2
    .cfi_endproc
    .size port_x86_64_start, .-port_x86_64_start

    .section .note.GNU-stack, "", @progbits
