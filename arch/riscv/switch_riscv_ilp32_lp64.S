/*
 * port_switch(port_context* from = a0, port_context* to = a1), RV32 and RV64 integer ABIs (ilp32,
 * lp64). R = 4 or 8 bytes (asm.h); the frame is a multiple of 16 bytes, as the ABI keeps sp.
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *   +13R  s11
 *   ...
 *   +2R   s0
 *   +1R   ra    resume address: where port_switch was called from
 *   +0    (the PMP guard's word: switch_riscv_ilp32_lp64_pmp.S; unused here)  <- sp
 *
 * A fresh context (port_context_init) holds the same frame with ra = port_start, s0 = entry and
 * s1 = arg; s2-s11 keep the stack's paint, as nothing reads them before writing. Traps run on
 * their own stack (trap_entry.S), so nothing else lands on this one.
 */
#include "asm.h"

#define FRAME ((14 * REG_BYTES + 15) & ~15)

    .text
    function port_switch
    addi    sp, sp, -FRAME
    save_callee
    SREG    sp, 0(a0)
    LREG    sp, 0(a1)
    restore_callee
    addi    sp, sp, FRAME
    ret
    .size port_switch, .-port_switch

    frame_bytes FRAME
