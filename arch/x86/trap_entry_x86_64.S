/*
 * Every interrupt and exception, x86-64. Each gate names an interrupt stack of the TSS (trap.cpp):
 * IST1 for interrupts, IST2 for exceptions, so a fault in a handler has a stack of its own to be
 * reported from. The CPU switches to it, aligns it to 16 bytes and pushes its frame; nothing lands
 * on a coroutine's stack, so the red zone would be safe too, but the boards build with
 * -mno-red-zone all the same. On the interrupt stack, from the top:
 *
 *   +0x78  SS, RSP, RFLAGS, CS, RIP (from +0x58)    pushed by the CPU
 *   +0x50  error code          by the CPU for vectors 8, 10-14, 17, 21, 29, 30; 0 from the stub
 *   +0x48  vector              the stub's
 *   +0x00  r11 r10 r9 r8 rdi rsi rdx rcx rax (from +0x00 up)   what System V lets port_trap() clobber
 *   -0x200 the FPU and SSE state (fxsave64)   <- rsp at the call
 *
 * port_trap(frame) gets the address of the vector word (x86::TrapFrame), with DF clear and rsp
 * 16-byte aligned, as the ABI requires. Compiled code may use SSE registers anywhere (a structure
 * copy, a vectorised loop), so the whole FPU and SSE state is saved around the handler rather than
 * trusting the handler to leave it alone, and the handler starts from the ABI's defaults (an empty
 * x87 stack, the default control word and MXCSR), not from the interrupted code's. Interrupt gates clear IF, and nothing sets it before the
 * iretq: handlers never nest, so one interrupt stack serves them all. port_trap_depth counts for
 * port_in_irq() and for the faults.
 */
    .text
    .p2align 4
trap_common:
    pushq   %rax
    pushq   %rcx
    pushq   %rdx
    pushq   %rsi
    pushq   %rdi
    pushq   %r8
    pushq   %r9
    pushq   %r10
    pushq   %r11
    leaq    0x48(%rsp), %rdi
    subq    $0x200, %rsp
    fxsave64 (%rsp)
    fninit
    ldmxcsr default_mxcsr(%rip)
    incl    port_trap_depth(%rip)
    cld
    call    port_trap
    decl    port_trap_depth(%rip)
    fxrstor64 (%rsp)
    addq    $0x200, %rsp
    popq    %r11
    popq    %r10
    popq    %r9
    popq    %r8
    popq    %rdi
    popq    %rsi
    popq    %rdx
    popq    %rcx
    popq    %rax
    addq    $16, %rsp
    iretq

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
    pushq   $0
    .endif
    pushq   $vector
    jmp     trap_common
    .set    vector, vector + 1
    .endr

    .section .rodata
    .p2align 2
default_mxcsr:
    .long   0x1F80                  /* every exception masked, round to nearest */

    .section .note.GNU-stack, "", @progbits
