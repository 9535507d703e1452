// What the guest-instruction benchmark (bench/target/instructions.cpp) needs to know of Cortex-M.
#pragma once

#include <stdint.h>

namespace bench {

// QEMU has no cycle counter on M-profile: the port's clock is a timer at the core clock (or slower),
// so its ticks are converted to instructions by a loop of known length. Two instructions an
// iteration: subs, bne.
inline constexpr uint32_t spin_instructions = 2;
inline void spin(uint32_t count) {
    __asm__ volatile("1: subs %0, #1\n\tbne 1b" : "+r"(count)::"cc");
}

#if defined(__ARM_FP)
inline constexpr bool has_fpu = true;
// Any FPU instruction gives the running context FPU state (CONTROL.FPCA).
inline void touch_fpu() {
    __asm__ volatile("vmov.f32 s0, #1.0" ::: "s0");
}
#else
inline constexpr bool has_fpu = false;
inline void touch_fpu() {}
#endif

// CONTROL.FPCA: the running context has FPU state. Always false without an FPU.
inline bool fpu_state_live() {
#if defined(__ARM_FP)
    uint32_t control;
    __asm__ volatile("mrs %0, control" : "=r"(control));
    return (control & 4) != 0;
#else
    return false;
#endif
}

// The goals, in guest instructions, set for the Cortex-M3 (0: none); printed on every core for
// comparison.
inline constexpr int goal_switch = 8;
inline constexpr int goal_yield = 30;
inline constexpr int goal_handoff = 60;

}  // namespace bench
