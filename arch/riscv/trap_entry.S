/*
 * Every machine-mode trap, interrupt or exception, enters here (mtvec, direct mode) and runs on the
 * trap stack, never on the interrupted coroutine's: mscratch holds the trap stack's top while no
 * trap runs and 0 while one does, so a trap taken inside a handler stays on the trap stack.
 * port_trap_depth counts the traps in progress (port_in_irq()).
 *
 * Trap frame, on the trap stack (R = XLEN/8 bytes):
 *
 *   +18R  mepc
 *   +17R  mstatus as the trap found it (FS, MPIE, MPP)
 *   +16R  sp of the interrupted code
 *   +15R  a7 ... +8R a0
 *   +7R   t6 ... +2R t1
 *   +1R   t0
 *   +0    ra                                                                   <- sp, a0 of port_trap
 *
 * Only the caller-saved integer registers are kept: what port_trap() clobbers. FS is off while a
 * handler runs, so a handler that touches the FPU traps (trap.cpp reports it) rather than changing
 * the interrupted code's floating-point registers, which are not saved here.
 */
#include "asm.h"

#define TRAP_FRAME ((19 * REG_BYTES + 15) & ~15)

    .section .text.port_trap_entry, "ax", @progbits
    .globl port_trap_entry
    .type port_trap_entry, @function
    .p2align 2
port_trap_entry:
    csrrw   sp, mscratch, sp
    bnez    sp, 1f
    csrr    sp, mscratch            /* a trap inside a handler: on down the trap stack */
1:  addi    sp, sp, -TRAP_FRAME
    SREG    ra, 0 * REG_BYTES(sp)
    SREG    t0, 1 * REG_BYTES(sp)
    SREG    t1, 2 * REG_BYTES(sp)
    SREG    t2, 3 * REG_BYTES(sp)
    SREG    t3, 4 * REG_BYTES(sp)
    SREG    t4, 5 * REG_BYTES(sp)
    SREG    t5, 6 * REG_BYTES(sp)
    SREG    t6, 7 * REG_BYTES(sp)
    SREG    a0, 8 * REG_BYTES(sp)
    SREG    a1, 9 * REG_BYTES(sp)
    SREG    a2, 10 * REG_BYTES(sp)
    SREG    a3, 11 * REG_BYTES(sp)
    SREG    a4, 12 * REG_BYTES(sp)
    SREG    a5, 13 * REG_BYTES(sp)
    SREG    a6, 14 * REG_BYTES(sp)
    SREG    a7, 15 * REG_BYTES(sp)
    csrrw   t0, mscratch, zero      /* the interrupted sp; 0 in mscratch marks a trap in progress */
    SREG    t0, 16 * REG_BYTES(sp)
    li      t1, MSTATUS_FS
    csrrc   t0, mstatus, t1
    SREG    t0, 17 * REG_BYTES(sp)
    csrr    t0, mepc
    SREG    t0, 18 * REG_BYTES(sp)
    lla     t1, port_trap_depth
    lw      t0, 0(t1)
    addi    t0, t0, 1
    sw      t0, 0(t1)
    mv      a0, sp
    call    port_trap
    lla     t1, port_trap_depth
    lw      t0, 0(t1)
    addi    t0, t0, -1
    sw      t0, 0(t1)
    bnez    t0, 2f
    addi    t0, sp, TRAP_FRAME      /* leaving the outermost trap: the trap stack is free again */
    csrw    mscratch, t0
2:  LREG    t0, 18 * REG_BYTES(sp)  /* port_trap may have moved past the trapping instruction */
    csrw    mepc, t0
    LREG    t0, 17 * REG_BYTES(sp)
    csrw    mstatus, t0
    LREG    ra, 0 * REG_BYTES(sp)
    LREG    t0, 1 * REG_BYTES(sp)
    LREG    t1, 2 * REG_BYTES(sp)
    LREG    t2, 3 * REG_BYTES(sp)
    LREG    t3, 4 * REG_BYTES(sp)
    LREG    t4, 5 * REG_BYTES(sp)
    LREG    t5, 6 * REG_BYTES(sp)
    LREG    t6, 7 * REG_BYTES(sp)
    LREG    a0, 8 * REG_BYTES(sp)
    LREG    a1, 9 * REG_BYTES(sp)
    LREG    a2, 10 * REG_BYTES(sp)
    LREG    a3, 11 * REG_BYTES(sp)
    LREG    a4, 12 * REG_BYTES(sp)
    LREG    a5, 13 * REG_BYTES(sp)
    LREG    a6, 14 * REG_BYTES(sp)
    LREG    a7, 15 * REG_BYTES(sp)
    LREG    sp, 16 * REG_BYTES(sp)
    mret
    .size port_trap_entry, .-port_trap_entry

    .section .note.GNU-stack, "", @progbits
