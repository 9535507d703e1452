/*
 * port_switch(port_context* from = a0, port_context* to = a1), RV32 and RV64 integer ABIs (ilp32,
 * lp64), with the PMP stack guard (STACK_GUARD=pmp): PMP entry 0, a 32-byte region that admits
 * nothing, sits below the running context's stack (guard_pmp.cpp).
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *   +13R  s11
 *   ...
 *   +2R   s0
 *   +1R   ra    resume address: where port_switch was called from
 *   +0    pmpaddr0: this context's guard region, NAPOT-encoded                  <- sp
 *
 * Entry 0's configuration is written again after its address: QEMU 7.2 rechecks its cached
 * translations only on a pmpcfg write, and hardware takes the same write as a no-op.
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
    csrsi   pmpcfg0, 0x18           /* entry 0 stays NAPOT; the write makes QEMU 7.2 drop stale TLB entries */
    restore_callee
    addi    sp, sp, FRAME
    ret
    .size port_switch, .-port_switch

    frame_bytes FRAME
