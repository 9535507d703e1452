/*
 * Every machine-mode trap, interrupt or exception, enters here (mtvec: direct mode with the PLIC,
 * ECLIC mode with every interrupt non-vectored, intc_eclic.cpp) and runs on the trap stack, never
 * on the interrupted coroutine's: mscratch holds the trap stack's top while no trap runs and 0
 * while one does, so a trap taken inside a handler stays on the trap stack.
 * port_trap_depth counts the traps in progress (port_in_irq()).
 *
 * Trap frame, on the trap stack (R = XLEN/8 bytes; riscv::TrapFrame):
 *
 *   +18R  t6 ... +13R t3        (not on RV32E, which has no x16-x31)
 *   +12R  a7, +11R a6           (not on RV32E)
 *   +10R  a5 ... +5R a0
 *   +4R   t2 ... +2R t0
 *   +3R   ra
 *   +2R   sp of the interrupted code
 *   +1R   mstatus as the trap found it (FS, MPIE, MPP)
 *   +0    mepc                                                                 <- sp, a0 of port_trap
 *
 * Only the caller-saved integer registers are kept: what port_trap() clobbers. FS is off while a
 * handler runs, so a handler that touches the FPU traps (trap.cpp reports it) rather than changing
 * the interrupted code's floating-point registers, which are not saved here.
 */
#include "asm.h"

#define TRAP_FRAME (((3 + CALLER_REGS) * REG_BYTES + 15) & ~15)

    .section .text.port_trap_entry, "ax", @progbits
    .globl port_trap_entry
    .type port_trap_entry, @function
    /* ECLIC mode takes mtvec's low 6 bits for its mode, so the base is 64-byte aligned; direct
       mode's 4 bytes are a part of that. The section keeps the alignment through the link. */
    .p2align 6
port_trap_entry:
    csrrw   sp, mscratch, sp
    bnez    sp, 1f
    csrr    sp, mscratch            /* a trap inside a handler: on down the trap stack */
1:  addi    sp, sp, -TRAP_FRAME
    save_caller 3
    csrrw   t0, mscratch, zero      /* the interrupted sp; 0 in mscratch marks a trap in progress */
    SREG    t0, 2 * REG_BYTES(sp)
    li      t1, MSTATUS_FS
    csrrc   t0, mstatus, t1
    SREG    t0, 1 * REG_BYTES(sp)
    csrr    t0, mepc
    SREG    t0, 0(sp)
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
2:  LREG    t0, 0(sp)               /* port_trap may have changed mepc and mstatus */
    csrw    mepc, t0
    LREG    t0, 1 * REG_BYTES(sp)
    csrw    mstatus, t0
    restore_caller 3
    LREG    sp, 2 * REG_BYTES(sp)
    mret
    .size port_trap_entry, .-port_trap_entry

    .section .note.GNU-stack, "", @progbits
