/*
 * port_switch(port_context* from = a0, port_context* to = a1), RISC-V hardware-float ABIs (ilp32f,
 * lp64d), with the PMP stack guard (STACK_GUARD=pmp, guard_pmp.cpp): a TOR range from pmpaddr0,
 * which the frame keeps, to pmpaddr1, PORT_PMP_GUARD_BYTES / 4 above it. Floating-point state is
 * kept lazily through mstatus.FS, as in switch_riscv_ilp32f_lp64d.S. pmpcfg0 is written again
 * after the addresses: QEMU 7.2 rechecks its cached translations only on a pmpcfg write, and
 * hardware takes the same write as a no-op.
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *         +---------------- only when FS was on ----------------+
 *   +12F  fcsr (32 bits)                                        |
 *   +11F  fs11 ... +0F fs0                                      |
 *         +------------------------------------------------------+
 *   +14R  mstatus.FS: 0 (off, no block above) or the state to restore
 *   +13R  s11
 *   ...
 *   +2R   s0
 *   +1R   ra    resume address
 *   +0    pmpaddr0: the bottom of this context's guard region, over 4            <- sp
 */
#include "asm.h"

#define FRAME ((15 * REG_BYTES + 15) & ~15)
#define FP_FRAME ((12 * FREG_BYTES + 4 + 15) & ~15)

    .text
    function port_switch
    csrr    t0, mstatus
    li      t1, MSTATUS_FS
    and     t2, t0, t1
    beqz    t2, 1f
    addi    sp, sp, -FP_FRAME
    save_fp_callee
1:  addi    sp, sp, -FRAME
    save_callee
    SREG    t2, 14 * REG_BYTES(sp)
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
    LREG    t2, 14 * REG_BYTES(sp)
    addi    sp, sp, FRAME
    csrc    mstatus, t1
    beqz    t2, 2f
    csrs    mstatus, t2
    restore_fp_callee
    addi    sp, sp, FP_FRAME
2:  ret
    .size port_switch, .-port_switch

    frame_bytes FRAME
