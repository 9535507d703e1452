/*
 * port_switch(port_context* from = r0, port_context* to = r1), ARMv7-M without an FPU, AAPCS,
 * with the MPU stack guard (STACK_GUARD=mpu in arch/cortex-m/arch.mk).
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *   +0x24  lr      resume address: where port_switch was called from
 *   +0x04  r4-r11
 *   +0x00  guard   MPU region 7's base: the base of this context's slot   <- sp
 *
 * Region 7 (highest priority) makes the 448 bytes below the stack inaccessible (port_arch.h), so a
 * push past the limit faults (MemManage) before it reaches the kernel's canary, in the region's
 * lowest 64 bytes, which it leaves out, or the neighbouring slot; so does any frame that
 * tools/frame-check lets into an image, however little of it is written. RNR stays 7, so writing RBAR with VALID clear moves region 7 in one store.
 * The region moved is the guard of the stack being resumed, which its code uses as soon as this
 * returns, so the move must hold by then: the architecture promises an MPU change only to
 * instructions fetched after the store completes, hence DSB (complete it) then ISB (fetch again).
 * No barrier before the store: no access still in flight, the outgoing frame's included, can fall
 * in the incoming guard, and the outgoing one has nothing to catch any more. Without the two
 * barriers a switch is 2 instructions shorter (docs/performance.md), and the guard could miss the
 * resumed code's first accesses.
 * A fresh context (port_context_init) holds the same frame, guard = its slot's base
 * and lr = port_start; the two words above it are arg and entry.
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
    ldr     r3, =0xE000ED9C         /* MPU_RBAR */
    ldr     r2, [r3]
    push    {r2, r4-r11, lr}
    .cfi_adjust_cfa_offset 40
    str     sp, [r0]
    ldr     sp, [r1]
    pop     {r2, r4-r11, lr}
    str     r2, [r3]
    dsb
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
    .word 40
    .size port_frame_bytes, 4

    .section .note.GNU-stack, "", %progbits
