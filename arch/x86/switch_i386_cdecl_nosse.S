/*
 * port_switch(port_context* from, port_context* to), i386 cdecl (System V): both arguments on the
 * stack, at 4(%esp) and 8(%esp) on entry. For a core without SSE, or with it left off (the bare-metal
 * i386 boards, built for x87 floating point): the x87 control word alone. switch_i386_cdecl.S is the
 * same with MXCSR.
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *   +0x18  resume address      (pushed by the call to port_switch)
 *   +0x14  ebp
 *   +0x10  edi
 *   +0x0c  esi
 *   +0x08  ebx
 *   +0x04  x87 control word    (rounding, precision, exception masks)
 *   +0x00  (unused: MXCSR in switch_i386_cdecl.S, so both share one frame)  <- sp
 *
 * A fresh context (port_context_init) holds the same frame with esi = arg, edi = entry and the
 * resume address = port_i386_start, which calls entry(arg) on a 16-byte aligned stack. Resuming
 * pops the address and jumps to it, as the x86-64 switch does, rather than returning.
 */
    .text
    .globl port_switch
    .type port_switch, @function
    .p2align 4
port_switch:
    .cfi_startproc
    movl    4(%esp), %eax
    movl    8(%esp), %edx
    leal    -0x18(%esp), %esp
    .cfi_adjust_cfa_offset 0x18
    fnstcw  0x04(%esp)
    movl    %ebx, 0x08(%esp)
    movl    %esi, 0x0c(%esp)
    movl    %edi, 0x10(%esp)
    movl    %ebp, 0x14(%esp)
    movl    %esp, (%eax)

    movl    (%edx), %esp
    fldcw   0x04(%esp)
    movl    0x08(%esp), %ebx
    movl    0x0c(%esp), %esi
    movl    0x10(%esp), %edi
    movl    0x14(%esp), %ebp
    movl    0x18(%esp), %ecx
    leal    0x1c(%esp), %esp
    .cfi_adjust_cfa_offset -0x1c
    jmp     *%ecx
    .cfi_endproc
    .size port_switch, .-port_switch

    .section .note.GNU-stack, "", @progbits
