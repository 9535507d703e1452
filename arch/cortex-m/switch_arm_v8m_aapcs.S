/*
 * port_switch(port_context* from = r0, port_context* to = r1), ARMv8-M mainline without an FPU
 * (Cortex-M33, M35P, M55 built soft-float), AAPCS.
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *   +0x24  lr      resume address: where port_switch was called from
 *   +0x04  r4-r11
 *   +0x00  PSPLIM  the lowest address this context's sp may reach       <- sp
 *
 * Each context carries its own stack limit, so an overflow faults (UsageFault STKOF) the moment
 * sp crosses it, interrupt frames included, instead of waiting for the kernel's canary check.
 * PSPLIM is 0 (no limit) while sp moves between stacks: the new sp may lie below the old limit.
 * A fresh context (port_context_init) holds the same frame, PSPLIM = the slot's limit and
 * lr = port_start; the two words above it are arg and entry, which port_start pops.
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
    mrs     r2, psplim
    push    {r2, r4-r11, lr}
    .cfi_adjust_cfa_offset 40
    str     sp, [r0]
    movs    r3, #0
    msr     psplim, r3
    ldr     sp, [r1]
    pop     {r2, r4-r11, lr}
    msr     psplim, r2
    bx      lr
    .cfi_endproc
    .size port_switch, .-port_switch

    /* The frame size port_context_init builds below the start words. */
    .section .rodata.port_frame_bytes, "a"
    .globl port_frame_bytes
    .type port_frame_bytes, %object
    .p2align 2
port_frame_bytes:
    .word 40
    .size port_frame_bytes, 4

    .section .note.GNU-stack, "", %progbits
