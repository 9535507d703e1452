/*
 * port_switch(port_context* from = r0, port_context* to = r1), ARMv7-E-M with the single-precision
 * FPU (Cortex-M4F, M7), AAPCS with either float ABI: the compiler keeps values in s16-s31 across calls.
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *   +0x64  lr    resume address: where port_switch was called from
 *   +0x44  r4-r11
 *   +0x40  FPSCR (rounding mode, flush-to-zero, default NaN: per context, as on the host)
 *   +0x00  s16-s31                                               <- sp
 *
 * 104 bytes, a multiple of 8. A fresh context (port_context_init) holds the same frame, zeroed
 * (FPSCR 0 is the reset value), with lr = port_start; the two words above it are arg and entry.
 * Lazy stacking needs no care: no switch happens inside a handler.
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
    vmrs    r2, fpscr
    push    {r2, r4-r11, lr}
    .cfi_adjust_cfa_offset 40
    vpush   {s16-s31}
    .cfi_adjust_cfa_offset 64
    str     sp, [r0]
    ldr     sp, [r1]
    vpop    {s16-s31}
    pop     {r2, r4-r11, lr}
    vmsr    fpscr, r2
    bx      lr
    .cfi_endproc
    .size port_switch, .-port_switch

    /* The frame size port_context_init builds below the start words. */
    .section .rodata.port_frame_bytes, "a"
    .globl port_frame_bytes
    .type port_frame_bytes, %object
    .p2align 2
port_frame_bytes:
    .word 104
    .size port_frame_bytes, 4

    .section .note.GNU-stack, "", %progbits
