/*
 * port_switch(port_context* from, port_context* to), i386 cdecl (System V): both arguments on the
 * stack, at 4(%esp) and 8(%esp) on entry. For a core with SSE enabled (the host's 32-bit build):
 * MXCSR is kept along with the x87 control word.
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *   +0x18  resume address      (pushed by the call to port_switch)
 *   +0x14  ebp
 *   +0x10  edi
 *   +0x0c  esi
 *   +0x08  ebx
 *   +0x04  x87 control word    (rounding, precision, exception masks)
 *   +0x00  MXCSR               (SSE rounding, FTZ/DAZ, exception masks)  <- sp
 *
 * A fresh context (port_context_init) holds the same frame with esi = arg, edi = entry and the
 * resume address = port_i386_start, which calls entry(arg) on a 16-byte aligned stack. Resuming
 * pops the address and jumps to it, as the x86-64 switch does, rather than returning.
 *
 * Both names are the switch: port_switch is weak, so a port may define its own around
 * port_i386_switch.
 */
    .text
    .globl port_i386_switch
    .weak port_switch
    .type port_i386_switch, @function
    .type port_switch, @function
    .p2align 4
port_switch:
port_i386_switch:
    .cfi_startproc
    movl    4(%esp), %eax
    movl    8(%esp), %edx
    leal    -0x18(%esp), %esp
    .cfi_adjust_cfa_offset 0x18
    stmxcsr (%esp)
    fnstcw  0x04(%esp)
    movl    %ebx, 0x08(%esp)
    movl    %esi, 0x0c(%esp)
    movl    %edi, 0x10(%esp)
    movl    %ebp, 0x14(%esp)
    movl    %esp, (%eax)

    movl    (%edx), %esp
    ldmxcsr (%esp)
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
    .size port_i386_switch, .-port_i386_switch

    .section .note.GNU-stack, "", @progbits
