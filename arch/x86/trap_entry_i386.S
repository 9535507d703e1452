/*
 * Every interrupt and exception, i386. A ring-0 interrupt does not switch stacks, so the CPU pushes
 * its frame on the interrupted one; the vector's stub and the common entry add to it and then move
 * to the trap stack, unless a trap is already running there (a fault in a handler). What a trap
 * takes from a coroutine's stack is this much, counted in PORT_STACK_MIN:
 *
 *   +0x1c  EFLAGS              pushed by the CPU
 *   +0x18  CS
 *   +0x14  EIP
 *   +0x10  error code          by the CPU for vectors 8, 10-14, 17, 21, 29, 30; 0 from the stub
 *   +0x0c  vector              the stub's
 *   +0x08  eax                 the common entry's: what cdecl lets port_trap() clobber
 *   +0x04  ecx
 *   +0x00  edx                 <- esp, 32 bytes below the interrupted esp
 *
 * On the trap stack the entry saves the x87 state (fnsave, 108 bytes, which also resets it, so a
 * handler starts with an empty register stack and the default control word): compiled code uses
 * x87 instructions for more than floating point (a 64-bit atomic load is fildq). The i386 boards
 * leave SSE off, so there is no more state. port_trap(frame) gets the address of the vector word
 * (x86::TrapFrame), with DF clear as cdecl requires and esp 16-byte aligned at the call. Interrupt
 * gates clear IF, and nothing sets it before the iret, so handlers never nest; port_trap_depth
 * counts for port_in_irq() and for the faults, and is raised before the move, so that an NMI
 * arriving between them stays on the stack it finds.
 */
    .text
    .p2align 4
trap_common:
    pushl   %eax
    pushl   %ecx
    pushl   %edx
    movl    %esp, %ecx
    incl    port_trap_depth
    cmpl    $1, port_trap_depth
    jne     1f
    movl    $__trap_stack_top, %esp
1:  andl    $-16, %esp
    subl    $112, %esp              /* 108 for fnsave, and 4 to keep the call aligned */
    fnsave  (%esp)
    subl    $8, %esp
    pushl   %ecx                    /* the saved registers, on the stack returned to */
    leal    12(%ecx), %eax
    pushl   %eax
    cld
    call    port_trap
    frstor  16(%esp)
    movl    4(%esp), %esp
    decl    port_trap_depth
    popl    %edx
    popl    %ecx
    popl    %eax
    addl    $8, %esp
    iret

/*
 * port_trap_vectors: 256 stubs, 16 bytes apart (trap.cpp points each gate at its own). A stub gives
 * the vector, and a 0 for the error code where the CPU pushes none.
 */
    .globl  port_trap_vectors
    .p2align 4
port_trap_vectors:
    .set    vector, 0
    .rept   256
    .p2align 4
    .if vector == 8 || (vector >= 10 && vector <= 14) || vector == 17 || vector == 21 || vector == 29 || vector == 30
    .else
    pushl   $0
    .endif
    pushl   $vector
    jmp     trap_common
    .set    vector, vector + 1
    .endr

    .section .note.GNU-stack, "", @progbits
