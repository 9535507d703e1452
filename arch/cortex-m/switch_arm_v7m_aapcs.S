/*
 * port_switch(port_context* from = r0, port_context* to = r1), ARMv7-M without an FPU, AAPCS.
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *   +0x20  lr    resume address: where port_switch was called from
 *   +0x1c  r11
 *   +0x18  r10
 *   +0x14  r9
 *   +0x10  r8
 *   +0x0c  r7
 *   +0x08  r6
 *   +0x04  r5
 *   +0x00  r4                                                   <- sp
 *
 * A fresh context (port_context_init) holds the same frame with lr = port_start; the two words
 * above it are arg and entry, which port_start pops. Thread mode runs on PSP, so `sp` here is
 * the PSP and an interrupt taken mid-switch stacks its frame below whichever sp is live.
 */
    .syntax unified
    .thumb
    .text

    .globl port_switch
    .type port_switch, %function
    .p2align 2
    .thumb_func
port_switch:
    .cfi_startproc
    push    {r4-r11, lr}
    .cfi_adjust_cfa_offset 36
    str     sp, [r0]
    ldr     sp, [r1]
    pop     {r4-r11, pc}
    .cfi_endproc
    .size port_switch, .-port_switch

    /* The frame size port_context_init builds below the start words. */
    .section .rodata.port_frame_bytes, "a"
    .globl port_frame_bytes
    .type port_frame_bytes, %object
    .p2align 2
port_frame_bytes:
    .word 36
    .size port_frame_bytes, 4

    .section .note.GNU-stack, "", %progbits
