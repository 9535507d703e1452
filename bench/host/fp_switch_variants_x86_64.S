/*
 * Variants of switch_x86_64_sysv.S for the benchmark of what the FP control state costs
 * (fp_switch_bench.cpp), not for use: each differs from the port's switch only in how it treats
 * MXCSR and the x87 control word. The saved frame is the port's:
 *
 *   +0x38  resume address
 *   +0x30  rbp, +0x28 rbx, +0x20 r12, +0x18 r13, +0x10 r14, +0x08 r15
 *   +0x04  x87 control word
 *   +0x00  MXCSR                                   <- sp
 *
 * bench_switch_none:    neither saved nor loaded (the FP_CONTROL=skip switch)
 * bench_switch_save:    both saved, neither loaded (wrong: what the saves alone cost)
 * bench_switch_compare: both saved, each loaded only when the resumed context's differs
 */
#if defined(__x86_64__)
    .text

.macro SAVE_GPRS
    movq    %r15, 0x08(%rsp)
    movq    %r14, 0x10(%rsp)
    movq    %r13, 0x18(%rsp)
    movq    %r12, 0x20(%rsp)
    movq    %rbx, 0x28(%rsp)
    movq    %rbp, 0x30(%rsp)
    movq    %rsp, (%rdi)
.endm

.macro LOAD_GPRS_AND_RESUME
    movq    0x08(%rsp), %r15
    movq    0x10(%rsp), %r14
    movq    0x18(%rsp), %r13
    movq    0x20(%rsp), %r12
    movq    0x28(%rsp), %rbx
    movq    0x30(%rsp), %rbp
    movq    0x38(%rsp), %rcx
    leaq    0x40(%rsp), %rsp
    jmp     *%rcx
.endm

    .globl bench_switch_none
    .type bench_switch_none, @function
    .p2align 4
bench_switch_none:
    leaq    -0x38(%rsp), %rsp
    SAVE_GPRS
    movq    (%rsi), %rsp
    LOAD_GPRS_AND_RESUME
    .size bench_switch_none, .-bench_switch_none

    .globl bench_switch_save
    .type bench_switch_save, @function
    .p2align 4
bench_switch_save:
    leaq    -0x38(%rsp), %rsp
    stmxcsr (%rsp)
    fnstcw  0x04(%rsp)
    SAVE_GPRS
    movq    (%rsi), %rsp
    LOAD_GPRS_AND_RESUME
    .size bench_switch_save, .-bench_switch_save

    .globl bench_switch_compare
    .type bench_switch_compare, @function
    .p2align 4
bench_switch_compare:
    leaq    -0x38(%rsp), %rsp
    stmxcsr (%rsp)
    fnstcw  0x04(%rsp)
    SAVE_GPRS
    movl    (%rsp), %eax
    movzwl  0x04(%rsp), %edx
    movq    (%rsi), %rsp
    xorl    (%rsp), %eax
    testl   $0xffc0, %eax       /* MXCSR's control bits; the status flags are the caller's */
    jz      1f
    ldmxcsr (%rsp)
1:  cmpw    0x04(%rsp), %dx
    je      2f
    fldcw   0x04(%rsp)
2:  LOAD_GPRS_AND_RESUME
    .size bench_switch_compare, .-bench_switch_compare

#endif
    .section .note.GNU-stack, "", @progbits
