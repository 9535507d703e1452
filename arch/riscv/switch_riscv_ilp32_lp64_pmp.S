/*
 * port_switch(port_context* from = a0, port_context* to = a1), RV32 and RV64 integer ABIs (ilp32,
 * lp64), with the PMP stack guard (STACK_GUARD=pmp): PMP entry 1, a TOR range from pmpaddr0 to
 * pmpaddr1 that admits nothing, sits below the running context's stack (guard_pmp.cpp). The frame
 * keeps pmpaddr0; pmpaddr1 is PORT_PMP_GUARD_BYTES / 4 above it.
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *   +13R  s11
 *   ...
 *   +2R   s0
 *   +1R   ra    resume address: where port_switch was called from
 *   +0    pmpaddr0: the bottom of this context's guard region, over 4            <- sp
 *
 * pmpcfg0 is written again after the addresses: QEMU 7.2 rechecks its cached translations only on
 * a pmpcfg write, and hardware takes the same write as a no-op.
 *
 * As switch_riscv_ilp32_lp64.S otherwise.
 */
#include "asm.h"

#define FRAME ((14 * REG_BYTES + 15) & ~15)

    .text
    function port_switch
    addi    sp, sp, -FRAME
    save_callee
    csrr    t0, pmpaddr0
    SREG    t0, 0(sp)
    SREG    sp, 0(a0)
    LREG    sp, 0(a1)
    LREG    t0, 0(sp)
    csrw    pmpaddr0, t0
    addi    t0, t0, PORT_PMP_GUARD_BYTES / 4
    csrw    pmpaddr1, t0
    csrsi   pmpcfg0, 1              /* entry 0's ignored R bit: the write makes QEMU 7.2 drop stale TLB entries */
    restore_callee
    addi    sp, sp, FRAME
    ret
    .size port_switch, .-port_switch

    frame_bytes FRAME
