// The Cortex-M port's own cases: the MPU stack guard, and the FPU's callee-saved registers and
// FPSCR across switches. The cases any port runs are in target-tests/port_test.cpp.
#include <float.h>
#include <string.h>

#include "cortex_m.h"
#include "fp_cases.h"
#include "kernel_test.h"
#include "port.h"

using namespace weft::test;

namespace {

#if defined(__ARM_FP)
// The FPU's callee-saved state, per coroutine: s16-s31 and FPSCR's rounding mode (bits 22-23) and
// flush-to-zero (bit 24).
constexpr uint32_t fpscr_round_up = 1u << 22, fpscr_round_to_zero = 3u << 22, fpscr_flush_to_zero = 1u << 24;

struct FpState {
    uint32_t s[16];
    uint32_t fpscr;
};

// Loads s16-s31 and FPSCR from `in`, calls `away` (which switches to other coroutines and back),
// and stores what the registers then hold into `out`. Naked, so no compiled code touches s16-s31
// in between: only the switch can keep them. It leaves FPSCR as `in` set it.
[[gnu::naked]] void hold_fpu_state_across(const FpState*, FpState*, void (*)()) {
    __asm__ volatile(
        "push   {r4, lr}\n\t"
        "vpush  {s16-s31}\n\t"
        "mov    r4, r1\n\t"
        "vldmia r0!, {s16-s31}\n\t"
        "ldr    r3, [r0]\n\t"
        "vmsr   fpscr, r3\n\t"
        "blx    r2\n\t"
        "vstmia r4!, {s16-s31}\n\t"
        "vmrs   r3, fpscr\n\t"
        "str    r3, [r4]\n\t"
        "vpop   {s16-s31}\n\t"
        "pop    {r4, pc}\n\t");
}

// CONTROL.FPCA: the running context has executed an FPU instruction since it was (re)started.
bool fpu_state_live() {
    uint32_t control;
    __asm__ volatile("mrs %0, control" : "=r"(control));
    return (control & 4) != 0;
}

uint32_t bits(float f) {
    uint32_t b;
    memcpy(&b, &f, sizeof b);
    return b;
}

// What the current FPSCR makes of three operations: 1/3 and -1/3, whose last bits tell the four
// rounding modes apart, and half the smallest normal number, a denormal that flush-to-zero makes 0.
struct FpResults {
    uint32_t third, minus_third, half_min;
    bool operator==(const FpResults&) const = default;
};

[[gnu::noinline]] FpResults fp_results() {
    volatile float one = 1.0f, three = 3.0f, min_normal = FLT_MIN, half = 0.5f;
    return {bits(one / three), bits(-one / three), bits(min_normal * half)};
}

constexpr FpResults round_to_nearest{0x3EAAAAAB, 0xBEAAAAAB, 0x00400000};
constexpr FpResults round_to_zero_flushed{0x3EAAAAAA, 0xBEAAAAAA, 0x00000000};
constexpr FpResults round_up{0x3EAAAAAB, 0xBEAAAAAA, 0x00400000};

struct Fp {
    using State = FpState;
    using Results = FpResults;
    static void hold(const State* in, State* out, void (*away)()) { hold_fpu_state_across(in, out, away); }
    static bool kept(const State& in, const State& out) { return memcmp(&out, &in, sizeof out) == 0; }
    static bool live() { return fpu_state_live(); }
    static Results results() { return fp_results(); }
};
using Cases = FpCases<Fp>;

// Distinct values in every register: coroutine `tag`'s s16-s31 are tag << 8 | register number.
Cases::Worker fpu_worker_state(uint32_t tag, uint32_t fpscr, FpResults expected) {
    Cases::Worker w{};
    for (uint32_t i = 0; i < 16; ++i) w.in.s[i] = 0x3F800000u + (tag << 8) + 16 + i;
    w.in.fpscr = fpscr;
    w.expected = expected;
    return w;
}
#endif

#if PORT_MPU_GUARD
extern "C" char __main_stack_bottom[];

uintptr_t guard_base() {
    return cortex_m::reg(cortex_m::mpu_rbar) & ~uintptr_t{PORT_MPU_REGION_BYTES - 1};
}

struct GuardSeen {
    uintptr_t expected = 0, at_start = 0, after_yield = 0;
    size_t high_water = 0;
};

void look_at_guard(void* arg) {
    auto& g = *static_cast<GuardSeen*>(arg);
    g.expected = reinterpret_cast<uintptr_t>(weft::self()->stack);
    g.at_start = guard_base();
    weft::yield();
    g.after_yield = guard_base();
    // Reads this stack from its bottom up while it runs: the guard must not be in the way.
    g.high_water = weft::stack_high_water(weft::self());
}
#endif

#if PORT_MPU_GUARD
// Region 7 denies every access to the 448 bytes below the running context's stack: above the
// kernel's canary, in the slot's lowest 64 bytes, for a coroutine; at the bottom of the main stack
// for main().
TEST(Port, TheMpuGuardFollowsTheRunningStackAndAdmitsNothing) {
    GuardSeen a, b;
    ASSERT_TRUE(weft::spawn(weft::test::pool, look_at_guard, &a));
    ASSERT_TRUE(weft::spawn(weft::test::pool, look_at_guard, &b));
    uint32_t rasr = cortex_m::reg(cortex_m::mpu_rasr);
    EXPECT_EQ(rasr >> 24 & 7, 0u);         // AP: no access, privileged or not
    EXPECT_EQ(rasr >> 28 & 1, 1u);         // XN
    EXPECT_EQ(rasr >> 8 & 0xFF, 1u);       // SRD: all but the lowest eighth, the canary's
    EXPECT_EQ(rasr & 0x3F, 8u << 1 | 1u);  // 512 bytes, enabled
    EXPECT_EQ(cortex_m::reg(cortex_m::mpu_ctrl) & 1, 1u);
    uintptr_t main_guard = (reinterpret_cast<uintptr_t>(__main_stack_bottom) + PORT_MPU_REGION_BYTES - 1) &
                           ~uintptr_t{PORT_MPU_REGION_BYTES - 1};
    EXPECT_EQ(guard_base(), main_guard);
    EXPECT_EQ(weft::run(), weft::Status::ok);
    EXPECT_EQ(guard_base(), main_guard);
    const GuardSeen* seen[] = {&a, &b};
    for (const GuardSeen* g : seen) {
        EXPECT_EQ(g->at_start, g->expected);
        EXPECT_EQ(g->after_yield, g->expected);
        EXPECT_GT(g->high_water, 0u);
    }
    EXPECT_NE(a.expected, b.expected);
    EXPECT_EQ(weft::test::pool.used(), 0u);
}
#endif

#if defined(__ARM_FP)
// Two coroutines with different s16-s31 and different FPSCR settings (round to zero with
// flush-to-zero; round up without), switching straight to each other both ways.
TEST(Port, FpuRegistersAndFpscrStayWithTheirCoroutine) {
    Cases::straight(fpu_worker_state(1, fpscr_round_to_zero | fpscr_flush_to_zero, round_to_zero_flushed),
                    fpu_worker_state(2, fpscr_round_up, round_up));
}

// The same two with a coroutine between them that never uses the FPU: every switch into and out
// of it passes FPU state by. It runs without any (CONTROL.FPCA stays clear), and its first FPU
// instruction starts from the default FPSCR, not from the settings of whoever ran before it.
TEST(Port, ACoroutineWithoutFpuStateInterleavesWithOnesThatHaveIt) {
    Cases::with_plain_between(fpu_worker_state(3, fpscr_round_to_zero | fpscr_flush_to_zero, round_to_zero_flushed),
                              fpu_worker_state(4, fpscr_round_up, round_up), round_to_nearest);
}
#endif

}  // namespace
