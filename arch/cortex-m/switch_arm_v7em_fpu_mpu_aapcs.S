/*
 * port_switch(port_context* from = r0, port_context* to = r1), ARMv7-E-M with the single-precision
 * FPU (Cortex-M4F, M7), AAPCS with either float ABI, with the MPU stack guard (STACK_GUARD=mpu in
 * arch/cortex-m/arch.mk). switch_arm_v7em_fpu_aapcs.S and switch_arm_v7m_mpu_aapcs.S in one: the
 * FPU registers travel only with contexts that have used the FPU, and region 7 follows the
 * running context's stack.
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *   +0x30  s16-s31   only when FP = 4                           (64 bytes)
 *   +0x2c  FPSCR     only when FP = 4
 *   +0x28  lr        resume address: where port_switch was called from
 *   +0x08  r4-r11
 *   +0x04  FP        4: the context had used the FPU (CONTROL.FPCA), FPSCR and s16-s31 above
 *   +0x00  guard     MPU region 7's base: the base of this context's slot   <- sp
 *
 * 44 bytes, or 112 with the FPU registers (FPSCR needs a word of its own: the guard takes the one
 * it has in the frame without the MPU). The two files named above say why FPCA tells whether to
 * keep the FPU registers, why resuming a context without them clears it, and what the guard needs.
 * One ISB serves both: the cleared FPCA and the moved guard must hold for whatever the resumed code
 * does next; after the DSB that completes the RBAR store, the ISB has what follows fetched again,
 * under both. The path with FPU state writes no CONTROL (vpop sets FPCA) but needs the ISB for the
 * guard. RBAR's address stays in r12 throughout, so CONTROL is read again on the way in.
 * A fresh context (port_context_init) holds the 44-byte frame with guard = its slot's base, FP = 0
 * and lr = port_start, its registers as the stack held them; the two words above it are arg and
 * entry.
 */
    .syntax unified
    .thumb
    .fpu fpv4-sp-d16
    .text

    .globl port_switch
    .type port_switch, %function
    .p2align 2
    .thumb_func
port_switch:
    .cfi_startproc
    ldr     r12, =0xE000ED9C        /* MPU_RBAR */
    mrs     r3, control
    ands    r3, r3, #4
    beq     1f
    vmrs    r2, fpscr
    vpush   {s16-s31}
    push    {r2}
1:  ldr     r2, [r12]
    push    {r2, r3, r4-r11, lr}
    .cfi_adjust_cfa_offset 44       /* unwind information can follow one path: the one without FP */
    str     sp, [r0]
    ldr     sp, [r1]
    pop     {r2, r3, r4-r11, lr}
    str     r2, [r12]
    dsb
    cbz     r3, 2f
    pop     {r2}
    vpop    {s16-s31}
    vmsr    fpscr, r2
    isb
    bx      lr
2:  mrs     r3, control
    bic     r3, r3, #4
    msr     control, r3
    isb
    bx      lr
    .cfi_endproc
    .size port_switch, .-port_switch
    .ltorg

    /* The frame size port_context_init builds below the start words. */
    .section .rodata.port_frame_bytes, "a"
    .globl port_frame_bytes
    .type port_frame_bytes, %object
    .p2align 2
port_frame_bytes:
    .word 44
    .size port_frame_bytes, 4

    .section .note.GNU-stack, "", %progbits
