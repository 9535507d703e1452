// What the guest-instruction benchmark (bench/target/instructions.cpp) needs to know of RISC-V.
#pragma once

#include <stdint.h>

#include "riscv.h"

namespace bench {

// The port's clock is minstret, which QEMU counts exactly under -icount: the loop of known length
// must calibrate to 1.00, and anything else means the clock is not what the figures assume. Two
// instructions an iteration: addi, bnez.
inline constexpr uint32_t spin_instructions = 2;
inline void spin(uint32_t count) {
    __asm__ volatile("1: addi %0, %0, -1\n\tbnez %0, 1b" : "+r"(count));
}

#if defined(__riscv_flen)
inline constexpr bool has_fpu = true;
// With mstatus.FS off this traps once, and the trap gives the context floating-point state
// (trap.cpp); from then on the switch keeps fs0-fs11 and fcsr for it.
inline void touch_fpu() {
    __asm__ volatile("fmv.w.x ft0, zero" ::: "ft0");
}
#else
inline constexpr bool has_fpu = false;
inline void touch_fpu() {}
#endif

// mstatus.FS not Off: the running context has floating-point state. Always false without an FPU.
inline bool fpu_state_live() {
#if defined(__riscv_flen)
    return (RISCV_CSR_READ(mstatus) & riscv::mstatus_fs) != 0;
#else
    return false;
#endif
}

// The goals, in guest instructions, were set for RV32 with the integer ABI; other cores print none
// (0) rather than one nobody set for them.
#if __riscv_xlen == 32 && !defined(__riscv_flen)
inline constexpr int goal_switch = 36;
inline constexpr int goal_yield = 60;
inline constexpr int goal_handoff = 100;
#else
inline constexpr int goal_switch = 0;
inline constexpr int goal_yield = 0;
inline constexpr int goal_handoff = 0;
#endif

}  // namespace bench
