/*
 * port_fill(void* lo = r0, void* hi = r1, uintptr_t word = r2), ARMv7-M and ARMv8-M mainline
 * (Thumb-2), AAPCS: stores `word` into [lo, hi), whose bounds lie 16 bytes apart.
 *
 * Eight registers hold the word, so one store-multiple writes 32 bytes: the kernel paints a whole
 * stack on every create() of a small slot, and a store of two words at a time made that paint most
 * of a coroutine's life cycle. What is not a whole number of 128-byte turns goes first, by the
 * bits of the length: 16 (bit 4), 32 (bit 5), 64 (bit 6).
 */
    .syntax unified
    .thumb
    .text

    .globl port_fill
    .type port_fill, %function
    .p2align 2
    .thumb_func
port_fill:
    .cfi_startproc
    push    {r4-r8, lr}
    .cfi_adjust_cfa_offset 24
    .cfi_rel_offset lr, 20
    mov     r4, r2
    mov     r5, r2
    mov     r6, r2
    mov     r7, r2
    mov     r8, r2
    mov     r12, r2
    mov     lr, r2
    subs    r3, r1, r0
    lsls    r1, r3, #27             /* N: 16 bytes over, C: 32 */
    it      mi
    stmiami r0!, {r2, r4-r6}
    it      cs
    stmiacs r0!, {r2, r4-r8, r12, lr}
    lsls    r1, r3, #26             /* N: 64 bytes over */
    itt     mi
    stmiami r0!, {r2, r4-r8, r12, lr}
    stmiami r0!, {r2, r4-r8, r12, lr}
    lsrs    r1, r3, #7              /* whole turns */
    beq     2f
1:  stmia   r0!, {r2, r4-r8, r12, lr}
    stmia   r0!, {r2, r4-r8, r12, lr}
    stmia   r0!, {r2, r4-r8, r12, lr}
    stmia   r0!, {r2, r4-r8, r12, lr}
    subs    r1, #1
    bne     1b
2:  pop     {r4-r8, pc}
    .cfi_endproc
    .size port_fill, .-port_fill

    .section .note.GNU-stack, "", %progbits
