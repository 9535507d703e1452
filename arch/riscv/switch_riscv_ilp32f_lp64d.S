/*
 * port_switch(port_context* from = a0, port_context* to = a1), RISC-V hardware-float ABIs (ilp32f,
 * lp64d). R = XLEN/8 bytes, F = FLEN/8 (asm.h).
 *
 * Floating-point state is kept lazily, as mstatus.FS tells: a context that has not used the FPU
 * since it started runs with FS off, and its frame has no floating-point block. Its first FPU
 * instruction traps, and the trap turns FS on for it (trap.cpp). A switch away from a context
 * with FS on pushes the block first; a switch in sets FS as the context left it.
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *         +---------------- only when FS was on ----------------+
 *   +12F  fcsr (32 bits): rounding mode and accrued flags       |
 *   +11F  fs11                                                  |
 *   ...                                                         |
 *   +0F   fs0                                                   |
 *         +------------------------------------------------------+
 *   +14R  mstatus.FS: 0 (off, no block above) or the state to restore
 *   +13R  s11
 *   ...
 *   +2R   s0
 *   +1R   ra    resume address
 *   +0    (the PMP guard's word: switch_riscv_ilp32f_lp64d_pmp.S; unused here)  <- sp
 *
 * A fresh context (port_context_init) holds ra = port_start, s0 = entry, s1 = arg and FS = 0;
 * s2-s11 keep the stack's paint, as nothing reads them before writing.
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
    SREG    sp, 0(a0)
    LREG    sp, 0(a1)
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
