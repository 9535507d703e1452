/*
 * port_fill(void* lo = r0, void* hi = r1, uintptr_t word = r2), ARMv6-M (Thumb-1), AAPCS: stores
 * `word` into [lo, hi), whose bounds lie 16 bytes apart.
 *
 * Four low registers hold the word (store-multiple reaches no others here), so one store writes
 * 16 bytes: the kernel paints a whole stack on every create() of a small slot, and a word a store
 * made that paint most of a coroutine's life cycle. What is not a whole number of 64-byte turns
 * goes first, by the bits of the length: 16 (bit 4), then 32 (bit 5).
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
    push    {r4, r5, lr}
    .cfi_adjust_cfa_offset 12
    .cfi_rel_offset lr, 8
    mov     r3, r2
    mov     r4, r2
    mov     r5, r2
    subs    r1, r1, r0
    lsrs    r1, r1, #5              /* C: 16 bytes over */
    bcc     1f
    stmia   r0!, {r2-r5}
1:  lsrs    r1, r1, #1              /* C: 32 bytes over; Z: no whole turn */
    bcc     2f
    stmia   r0!, {r2-r5}
    stmia   r0!, {r2-r5}
2:  beq     4f
3:  stmia   r0!, {r2-r5}
    stmia   r0!, {r2-r5}
    stmia   r0!, {r2-r5}
    stmia   r0!, {r2-r5}
    subs    r1, #1
    bne     3b
4:  pop     {r4, r5, pc}
    .cfi_endproc
    .size port_fill, .-port_fill

    .section .note.GNU-stack, "", %progbits
