/*
 * port_switch(port_context* from = r0, port_context* to = r1), ARMv6-M (Cortex-M0/M0+), AAPCS.
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *   +0x20  lr    resume address: where port_switch was called from
 *   +0x1c  r7
 *   +0x18  r6
 *   +0x14  r5
 *   +0x10  r4
 *   +0x0c  r11
 *   +0x08  r10
 *   +0x04  r9
 *   +0x00  r8                                                   <- sp
 *
 * Thumb-1 push/pop reach only r0-r7 and lr/pc, and str/ldr cannot use sp as data, so r8-r11 and
 * sp travel through low registers. A fresh context (port_context_init) holds the same frame with
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
    push    {r4-r7, lr}
    .cfi_adjust_cfa_offset 20
    mov     r4, r8
    mov     r5, r9
    mov     r6, r10
    mov     r7, r11
    push    {r4-r7}
    .cfi_adjust_cfa_offset 16
    mov     r2, sp
    str     r2, [r0]
    ldr     r2, [r1]
    mov     sp, r2
    pop     {r4-r7}
    mov     r8, r4
    mov     r9, r5
    mov     r10, r6
    mov     r11, r7
    pop     {r4-r7, pc}
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
