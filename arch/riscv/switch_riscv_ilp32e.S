/*
 * port_switch(port_context* from = a0, port_context* to = a1), RV32E, ABI ilp32e: ra and s0-s1
 * are all it keeps (x16-x31 do not exist).
 *
 * Saved frame, at from->sp once suspended (the stack grows down):
 *
 *   +12   s1
 *   +8    s0
 *   +4    ra    resume address: where port_switch was called from
 *   +0    (the PMP guard's word: switch_riscv_ilp32e_pmp.S; unused here)       <- sp
 *
 * A fresh context (port_context_init) holds the same frame with ra = port_start, s0 = entry and
 * s1 = arg.
 */
#include "asm.h"

    .text
    function port_switch
    addi    sp, sp, -16
    sw      ra, 4(sp)
    sw      s0, 8(sp)
    sw      s1, 12(sp)
    sw      sp, 0(a0)
    lw      sp, 0(a1)
    lw      ra, 4(sp)
    lw      s0, 8(sp)
    lw      s1, 12(sp)
    addi    sp, sp, 16
    ret
    .size port_switch, .-port_switch

    frame_bytes 16
