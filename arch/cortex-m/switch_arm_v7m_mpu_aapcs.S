/*
 * port_switch(port_context* from = r0, port_context* to = r1), ARMv7-M without an FPU, AAPCS,
 * with the MPU stack guard (STACK_GUARD=mpu in arch/cortex-m/arch.mk).
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *   +0x24  lr      resume address: where port_switch was called from
 *   +0x04  r4-r11
 *   +0x00  guard   MPU region 7's base: the lowest 32 bytes of this context's stack   <- sp
 *
 * Region 7 (highest priority) makes those 32 bytes read-only, so a push past the limit faults
 * (MemManage) before it reaches the neighbouring slot, and the kernel's canary, inside the guard,
 * stays readable. RNR stays 7, so writing RBAR with VALID clear moves region 7 in one store.
 * No DSB/ISB after it: at worst the new guard applies a few instructions late.
 * A fresh context (port_context_init) holds the same frame, guard = its slot base (+8, which
 * RBAR ignores) and lr = port_start; the two words above it are arg and entry.
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
