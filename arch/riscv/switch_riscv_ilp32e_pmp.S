/*
 * port_switch(port_context* from = a0, port_context* to = a1), RV32E, ABI ilp32e, with the PMP
 * stack guard (STACK_GUARD=pmp, guard_pmp.cpp): PMP entry 1 admits nothing in the
 * PORT_PMP_GUARD_BYTES below the running context's stack, a TOR range from pmpaddr0, which the
 * frame keeps, to pmpaddr1, PORT_PMP_GUARD_BYTES / 4 above it.
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *   +12   s1
 *   +8    s0
 *   +4    ra    resume address
 *   +0    pmpaddr0: the bottom of this context's guard region, over 4            <- sp
 *
 * pmpcfg0 is written again after the addresses: QEMU 7.2 rechecks its cached translations only on
 * a pmpcfg write, and hardware takes the same write as a no-op.
 */
#include "asm.h"

    .text
    function port_switch
    addi    sp, sp, -16
    sw      ra, 4(sp)
    sw      s0, 8(sp)
    sw      s1, 12(sp)
    csrr    t0, pmpaddr0
    sw      t0, 0(sp)
    sw      sp, 0(a0)
    lw      sp, 0(a1)
    lw      t0, 0(sp)
    csrw    pmpaddr0, t0
    addi    t0, t0, PORT_PMP_GUARD_BYTES / 4
    csrw    pmpaddr1, t0
    csrsi   pmpcfg0, 1              /* entry 0's ignored R bit: the write makes QEMU 7.2 drop stale TLB entries */
    lw      ra, 4(sp)
    lw      s0, 8(sp)
    lw      s1, 12(sp)
    addi    sp, sp, 16
    ret
    .size port_switch, .-port_switch

    frame_bytes 16
