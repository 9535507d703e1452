/*
 * What the RISC-V assembly files share: register width and the callee-saved integer block, so a
 * file for RV32 and RV64 differs from its twin only in what these macros expand to.
 */
#pragma once

#if __riscv_xlen == 64
#define SREG sd
#define LREG ld
#define REG_BYTES 8
#else
#define SREG sw
#define LREG lw
#define REG_BYTES 4
#endif

#if defined(__riscv_flen) && __riscv_flen == 64
#define FSREG fsd
#define FLREG fld
#define FREG_BYTES 8
#elif defined(__riscv_flen)
#define FSREG fsw
#define FLREG flw
#define FREG_BYTES 4
#endif

/* mstatus fields. */
#define MSTATUS_MIE 0x8
#define MSTATUS_FS 0x6000

/* The caller-saved integer registers a trap entry keeps: RV32E has only x0-x15. */
#ifdef __riscv_32e
#define CALLER_REGS 10
#else
#define CALLER_REGS 16
#endif

#ifdef __ASSEMBLER__
/* ra, t0-t6 and a0-a7 (RV32E: ra, t0-t2, a0-a5) from word `at` of the frame at sp. */
.macro save_caller at
    SREG    ra, (\at + 0) * REG_BYTES(sp)
    SREG    t0, (\at + 1) * REG_BYTES(sp)
    SREG    t1, (\at + 2) * REG_BYTES(sp)
    SREG    t2, (\at + 3) * REG_BYTES(sp)
    SREG    a0, (\at + 4) * REG_BYTES(sp)
    SREG    a1, (\at + 5) * REG_BYTES(sp)
    SREG    a2, (\at + 6) * REG_BYTES(sp)
    SREG    a3, (\at + 7) * REG_BYTES(sp)
    SREG    a4, (\at + 8) * REG_BYTES(sp)
    SREG    a5, (\at + 9) * REG_BYTES(sp)
#ifndef __riscv_32e
    SREG    a6, (\at + 10) * REG_BYTES(sp)
    SREG    a7, (\at + 11) * REG_BYTES(sp)
    SREG    t3, (\at + 12) * REG_BYTES(sp)
    SREG    t4, (\at + 13) * REG_BYTES(sp)
    SREG    t5, (\at + 14) * REG_BYTES(sp)
    SREG    t6, (\at + 15) * REG_BYTES(sp)
#endif
.endm

.macro restore_caller at
    LREG    ra, (\at + 0) * REG_BYTES(sp)
    LREG    t0, (\at + 1) * REG_BYTES(sp)
    LREG    t1, (\at + 2) * REG_BYTES(sp)
    LREG    t2, (\at + 3) * REG_BYTES(sp)
    LREG    a0, (\at + 4) * REG_BYTES(sp)
    LREG    a1, (\at + 5) * REG_BYTES(sp)
    LREG    a2, (\at + 6) * REG_BYTES(sp)
    LREG    a3, (\at + 7) * REG_BYTES(sp)
    LREG    a4, (\at + 8) * REG_BYTES(sp)
    LREG    a5, (\at + 9) * REG_BYTES(sp)
#ifndef __riscv_32e
    LREG    a6, (\at + 10) * REG_BYTES(sp)
    LREG    a7, (\at + 11) * REG_BYTES(sp)
    LREG    t3, (\at + 12) * REG_BYTES(sp)
    LREG    t4, (\at + 13) * REG_BYTES(sp)
    LREG    t5, (\at + 14) * REG_BYTES(sp)
    LREG    t6, (\at + 15) * REG_BYTES(sp)
#endif
.endm

/* ra and s0-s11 at words 1 to 13 of the frame at sp; word 0 is the guard's (the switch files). */
.macro save_callee
    SREG    ra,  1 * REG_BYTES(sp)
    SREG    s0,  2 * REG_BYTES(sp)
    SREG    s1,  3 * REG_BYTES(sp)
    SREG    s2,  4 * REG_BYTES(sp)
    SREG    s3,  5 * REG_BYTES(sp)
    SREG    s4,  6 * REG_BYTES(sp)
    SREG    s5,  7 * REG_BYTES(sp)
    SREG    s6,  8 * REG_BYTES(sp)
    SREG    s7,  9 * REG_BYTES(sp)
    SREG    s8, 10 * REG_BYTES(sp)
    SREG    s9, 11 * REG_BYTES(sp)
    SREG    s10, 12 * REG_BYTES(sp)
    SREG    s11, 13 * REG_BYTES(sp)
.endm

.macro restore_callee
    LREG    ra,  1 * REG_BYTES(sp)
    LREG    s0,  2 * REG_BYTES(sp)
    LREG    s1,  3 * REG_BYTES(sp)
    LREG    s2,  4 * REG_BYTES(sp)
    LREG    s3,  5 * REG_BYTES(sp)
    LREG    s4,  6 * REG_BYTES(sp)
    LREG    s5,  7 * REG_BYTES(sp)
    LREG    s6,  8 * REG_BYTES(sp)
    LREG    s7,  9 * REG_BYTES(sp)
    LREG    s8, 10 * REG_BYTES(sp)
    LREG    s9, 11 * REG_BYTES(sp)
    LREG    s10, 12 * REG_BYTES(sp)
    LREG    s11, 13 * REG_BYTES(sp)
.endm

/* fs0-fs11 at slots 0 to 11 and fcsr at slot 12 of the floating-point block at sp. */
.macro save_fp_callee
    FSREG   fs0,  0 * FREG_BYTES(sp)
    FSREG   fs1,  1 * FREG_BYTES(sp)
    FSREG   fs2,  2 * FREG_BYTES(sp)
    FSREG   fs3,  3 * FREG_BYTES(sp)
    FSREG   fs4,  4 * FREG_BYTES(sp)
    FSREG   fs5,  5 * FREG_BYTES(sp)
    FSREG   fs6,  6 * FREG_BYTES(sp)
    FSREG   fs7,  7 * FREG_BYTES(sp)
    FSREG   fs8,  8 * FREG_BYTES(sp)
    FSREG   fs9,  9 * FREG_BYTES(sp)
    FSREG   fs10, 10 * FREG_BYTES(sp)
    FSREG   fs11, 11 * FREG_BYTES(sp)
    frcsr   t3
    sw      t3, 12 * FREG_BYTES(sp)
.endm

.macro restore_fp_callee
    FLREG   fs0,  0 * FREG_BYTES(sp)
    FLREG   fs1,  1 * FREG_BYTES(sp)
    FLREG   fs2,  2 * FREG_BYTES(sp)
    FLREG   fs3,  3 * FREG_BYTES(sp)
    FLREG   fs4,  4 * FREG_BYTES(sp)
    FLREG   fs5,  5 * FREG_BYTES(sp)
    FLREG   fs6,  6 * FREG_BYTES(sp)
    FLREG   fs7,  7 * FREG_BYTES(sp)
    FLREG   fs8,  8 * FREG_BYTES(sp)
    FLREG   fs9,  9 * FREG_BYTES(sp)
    FLREG   fs10, 10 * FREG_BYTES(sp)
    FLREG   fs11, 11 * FREG_BYTES(sp)
    lw      t3, 12 * FREG_BYTES(sp)
    fscsr   t3
.endm

/* A function symbol, for the switch files. */
.macro function name
    .globl \name
    .type \name, @function
    .p2align 2
\name:
.endm

/* port_frame_bytes: the size of the frame port_context_init builds, which differs per switch. */
.macro frame_bytes size
    .section .rodata.port_frame_bytes, "a"
    .globl port_frame_bytes
    .p2align 2
port_frame_bytes:
    .word \size
    .size port_frame_bytes, 4
    .section .note.GNU-stack, "", @progbits
.endm
#endif
