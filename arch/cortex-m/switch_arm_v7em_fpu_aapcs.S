/*
 * port_switch(port_context* from = r0, port_context* to = r1), ARMv7-E-M with the single-precision
 * FPU (Cortex-M4F, M7), AAPCS with either float ABI: the compiler keeps values in s16-s31 across calls.
 * The FPU registers travel only with contexts that have used the FPU.
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *   +0x2c  s16-s31   only when FP = 4                           (64 bytes)
 *   +0x28  lr        resume address: where port_switch was called from
 *   +0x08  r4-r11
 *   +0x04  FP        4: the context had used the FPU (CONTROL.FPCA), s16-s31 above; 0: neither
 *   +0x00  FPSCR     when FP = 4; unused otherwise                  <- sp
 *
 * 44 bytes, or 108 with the FPU registers. CONTROL.FPCA is what tells: the hardware sets it at a
 * context's first FPU instruction (FPCCR.ASPEN, which start-up sets), loading FPSCR from FPDSCR on
 * the way, so a context that never used the FPU has nothing of it to keep. Resuming such a context
 * clears FPCA, so its first FPU instruction starts it afresh, with FPDSCR's rounding and
 * flush-to-zero, not its predecessor's; an ISB makes the cleared bit hold for whatever the resumed
 * code executes next. Resuming one that had used the FPU needs no write: vpop is itself an FPU
 * instruction and sets FPCA, and vmsr then overwrites the FPDSCR value it loaded.
 * Interrupts see FPCA too: a context without FPU state gets the 32-byte exception frame, not the
 * 104-byte one. Lazy stacking needs no care: no switch happens inside a handler.
 * A fresh context (port_context_init) holds the 44-byte frame with FP = 0 and lr = port_start
 * (the rest as the stack held it: FPSCR is unread with FP = 0, and no code reads the registers
 * before it writes them); the two words above it are arg and entry, which port_start pops.
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
    mrs     r12, control            /* kept to the end: both contexts share all but FPCA */
    ands    r3, r12, #4
    beq     1f
    vmrs    r2, fpscr
    vpush   {s16-s31}
1:  push    {r2, r3, r4-r11, lr}
    .cfi_adjust_cfa_offset 44       /* unwind information can follow one path: the one without FP */
    str     sp, [r0]
    ldr     sp, [r1]
    pop     {r2, r3, r4-r11, lr}
    cbz     r3, 2f
    vpop    {s16-s31}
    vmsr    fpscr, r2
    bx      lr
2:  bic     r12, r12, #4
    msr     control, r12
    isb
    bx      lr
    .cfi_endproc
    .size port_switch, .-port_switch

    /* The frame size port_context_init builds below the start words. */
    .section .rodata.port_frame_bytes, "a"
    .globl port_frame_bytes
    .type port_frame_bytes, %object
    .p2align 2
port_frame_bytes:
    .word 44
    .size port_frame_bytes, 4

    .section .note.GNU-stack, "", %progbits
