// What the guest-instruction benchmark (bench/target/instructions.cpp) needs to know of x86.
#pragma once

#include <stdint.h>

namespace bench {

// The port's clock is the TSC, which QEMU advances by one per instruction under -icount shift=0:
// the loop of known length must calibrate to 1.00. Two instructions an iteration: dec, jnz.
inline constexpr uint32_t spin_instructions = 2;
inline void spin(uint32_t count) {
    __asm__ volatile("1: dec %0\n\tjnz 1b" : "+r"(count));
}

// The switch keeps the x87 control word (and MXCSR on x86-64) on every switch, and the ABIs have
// no callee-saved floating-point registers: there is no lazily kept state to measure apart.
inline constexpr bool has_fpu = false;
inline void touch_fpu() {}
inline bool fpu_state_live() { return false; }

// No goals were set for x86.
inline constexpr int goal_switch = 0;
inline constexpr int goal_yield = 0;
inline constexpr int goal_handoff = 0;

}  // namespace bench
