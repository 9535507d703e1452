/*
 * port_switch(port_context* from = %rdi, port_context* to = %rsi), x86-64 System V,
 * without the floating-point control state (FP_CONTROL=skip on the host, arch/host/arch.mk).
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *   +0x38  resume address      (pushed by the call to port_switch)
 *   +0x30  rbp
 *   +0x28  rbx
 *   +0x20  r12
 *   +0x18  r13
 *   +0x10  r14
 *   +0x08  r15
 *   +0x00  unused: keeps the frame of switch_x86_64_sysv.S, so port_context_init serves both  <- sp
 *
 * MXCSR and the x87 control word are shared by every coroutine: reading MXCSR (stmxcsr) costs
 * more than the rest of the switch, and firmware rarely changes the rounding mode per task.
 *
 * Both names are the switch: port_switch is weak, so a port may define its own around
 * port_x86_64_switch (the host's, under AddressSanitizer: arch/host/port.cpp).
 */
    .text
    .globl port_x86_64_switch
    .weak port_switch
    .type port_x86_64_switch, @function
    .type port_switch, @function
    .p2align 4
port_switch:
port_x86_64_switch:
    .cfi_startproc
    leaq    -0x38(%rsp), %rsp
    .cfi_adjust_cfa_offset 0x38
    movq    %r15, 0x08(%rsp)
    movq    %r14, 0x10(%rsp)
    movq    %r13, 0x18(%rsp)
    movq    %r12, 0x20(%rsp)
    movq    %rbx, 0x28(%rsp)
    movq    %rbp, 0x30(%rsp)
    movq    %rsp, (%rdi)

    movq    (%rsi), %rsp
    movq    0x08(%rsp), %r15
    movq    0x10(%rsp), %r14
    movq    0x18(%rsp), %r13
    movq    0x20(%rsp), %r12
    movq    0x28(%rsp), %rbx
    movq    0x30(%rsp), %rbp
    movq    0x38(%rsp), %rcx
    leaq    0x40(%rsp), %rsp
    .cfi_adjust_cfa_offset -0x40
    jmp     *%rcx
    .cfi_endproc
    .size port_x86_64_switch, .-port_x86_64_switch

    .section .note.GNU-stack, "", @progbits
