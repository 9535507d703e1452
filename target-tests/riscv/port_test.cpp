// The RISC-V port's own cases: the PMP stack guard, and the floating-point callee-saved registers
// and rounding mode across switches, kept lazily through mstatus.FS. The cases any port runs are in
// target-tests/port_test.cpp.
#include <string.h>

#include "fp_cases.h"
#include "kernel_test.h"
#include "port.h"
#include "riscv.h"

using namespace weft::test;

namespace {

#if defined(__riscv_flen)
#if __riscv_flen == 64
using FpWord = uint64_t;
#define FP_LOAD "fld"
#define FP_STORE "fsd"
#else
using FpWord = uint32_t;
#define FP_LOAD "flw"
#define FP_STORE "fsw"
#endif
constexpr unsigned fs = sizeof(FpWord);

// fcsr's rounding mode (frm, bits 5-7): 1 rounds toward zero, 3 up.
constexpr uint32_t frm_toward_zero = 1u << 5, frm_up = 3u << 5;

struct FpState {
    FpWord f[12];  // fs0-fs11
    uint32_t fcsr;
};

#define FP_ALL(op, base) \
    op " fs0, 0*%c[w](" base ")\n\t" op " fs1, 1*%c[w](" base ")\n\t" op " fs2, 2*%c[w](" base ")\n\t" \
    op " fs3, 3*%c[w](" base ")\n\t" op " fs4, 4*%c[w](" base ")\n\t" op " fs5, 5*%c[w](" base ")\n\t" \
    op " fs6, 6*%c[w](" base ")\n\t" op " fs7, 7*%c[w](" base ")\n\t" op " fs8, 8*%c[w](" base ")\n\t" \
    op " fs9, 9*%c[w](" base ")\n\t" op " fs10, 10*%c[w](" base ")\n\t" op " fs11, 11*%c[w](" base ")\n\t"

// Loads fs0-fs11 and fcsr from `in`, calls `away` (which switches to other coroutines and back),
// and stores what the registers then hold into `out`. Compiled code cannot touch fs0-fs11 in
// between, since every one of them is named as clobbered: only the switch can keep them.
void hold_fp_state_across(const FpState* in, FpState* out, void (*away)()) {
    __asm__ volatile(FP_ALL(FP_LOAD, "%[in]") "lw t0, 12*%c[w](%[in])\n\tfscsr t0"
                     :
                     : [in] "r"(in), [w] "i"(fs)
                     : "t0", "fs0", "fs1", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7", "fs8", "fs9", "fs10", "fs11",
                       "memory");
    away();
    __asm__ volatile(FP_ALL(FP_STORE, "%[out]") "frcsr t0\n\tsw t0, 12*%c[w](%[out])"
                     :
                     : [out] "r"(out), [w] "i"(fs)
                     : "t0", "memory");
}

// mstatus.FS: the running context has floating-point state.
bool fp_state_live() { return (RISCV_CSR_READ(mstatus) & riscv::mstatus_fs) != 0; }

uint32_t bits(float f) {
    uint32_t b;
    memcpy(&b, &f, sizeof b);
    return b;
}

// What the current rounding mode makes of 1/3 and -1/3, whose last bits tell the modes apart.
struct FpResults {
    uint32_t third, minus_third;
    bool operator==(const FpResults&) const = default;
};

[[gnu::noinline]] FpResults fp_results() {
    volatile float one = 1.0f, three = 3.0f;
    return {bits(one / three), bits(-one / three)};
}

constexpr FpResults round_to_nearest{0x3EAAAAAB, 0xBEAAAAAB};
constexpr FpResults round_toward_zero{0x3EAAAAAA, 0xBEAAAAAA};
constexpr FpResults round_up{0x3EAAAAAB, 0xBEAAAAAA};

struct Fp {
    using State = FpState;
    using Results = FpResults;
    static void hold(const State* in, State* out, void (*away)()) { hold_fp_state_across(in, out, away); }
    // fs0-fs11 and the rounding mode; the accrued flags are the arithmetic's.
    static bool kept(const State& in, const State& out) {
        return memcmp(out.f, in.f, sizeof out.f) == 0 && (out.fcsr & 0xE0) == in.fcsr;
    }
    static bool live() { return fp_state_live(); }
    static Results results() { return fp_results(); }
};
using Cases = FpCases<Fp>;

// Distinct values in every register: coroutine `tag`'s fs0-fs11 are tag << 8 | register number.
Cases::Worker fp_worker_state(uint32_t tag, uint32_t fcsr, FpResults expected) {
    Cases::Worker w{};
    for (uint32_t i = 0; i < 12; ++i) w.in.f[i] = FpWord{0x3F800000u} + (tag << 8) + i;
    w.in.fcsr = fcsr;
    w.expected = expected;
    return w;
}

// Two coroutines with different fs0-fs11 and rounding modes, switching straight to each other.
TEST(Port, FpRegistersAndRoundingModeStayWithTheirCoroutine) {
    Cases::straight(fp_worker_state(1, frm_toward_zero, round_toward_zero), fp_worker_state(2, frm_up, round_up));
}

// The same two with a coroutine between them that never uses the FPU: it runs with FS off
// throughout, and its first FPU instruction starts from the default rounding mode.
TEST(Port, ACoroutineWithoutFpStateInterleavesWithOnesThatHaveIt) {
    Cases::with_plain_between(fp_worker_state(3, frm_toward_zero, round_toward_zero),
                              fp_worker_state(4, frm_up, round_up), round_to_nearest);
}
#endif

#if PORT_PMP_GUARD
extern "C" char __main_stack_bottom[];

// pmpaddr0 and pmpaddr1 for a guard above the 32-byte canary at `bottom`: a TOR range's ends.
struct Range {
    unsigned long from, to;
    bool operator==(const Range&) const = default;
};
Range guard_above(uintptr_t bottom) {
    unsigned long from = (bottom + 32) >> 2;
    return {from, from + PORT_PMP_GUARD_BYTES / 4};
}
Range guard_now() { return {RISCV_CSR_READ(pmpaddr0), RISCV_CSR_READ(pmpaddr1)}; }

struct GuardSeen {
    Range expected{}, at_start{}, after_yield{};
    size_t high_water = 0;
};

void look_at_guard(void* arg) {
    auto& g = *static_cast<GuardSeen*>(arg);
    g.expected = guard_above(reinterpret_cast<uintptr_t>(weft::self()->stack));
    g.at_start = guard_now();
    weft::yield();
    g.after_yield = guard_now();
    // Reads this stack from its bottom up while it runs: the guard must not be in the way.
    g.high_water = weft::stack_high_water(weft::self());
}

// Entry 1 admits nothing in the PORT_PMP_GUARD_BYTES below the running context's stack (above the
// kernel's canary for a coroutine and at the bottom of the main stack for main()), from entry 0's
// address to its own; entry 2 admits all the rest; MPRV with MPP = U makes them bind the code's
// loads and stores.
TEST(Port, ThePmpGuardFollowsTheRunningStackAndAdmitsNothing) {
    GuardSeen a, b;
    ASSERT_TRUE(weft::spawn(weft::test::pool, look_at_guard, &a));
    ASSERT_TRUE(weft::spawn(weft::test::pool, look_at_guard, &b));
    unsigned long cfg = RISCV_CSR_READ(pmpcfg0);
    EXPECT_EQ(cfg & 0x18, 0u);            // entry 0: off, only the bottom of entry 1's range
    EXPECT_EQ(cfg >> 8 & 0xFF, 0x08u);    // entry 1: TOR, no read, write or execute
    EXPECT_EQ(cfg >> 16 & 0xFF, 0x1Fu);   // entry 2: NAPOT, everything
    unsigned long mstatus = RISCV_CSR_READ(mstatus);
    EXPECT_NE(mstatus & riscv::mstatus_mprv, 0u);
    EXPECT_EQ(mstatus & riscv::mstatus_mpp, 0u);
    const Range main_guard = guard_above(reinterpret_cast<uintptr_t>(__main_stack_bottom));
    EXPECT_TRUE(guard_now() == main_guard);
    EXPECT_EQ(weft::run(), weft::Status::ok);
    EXPECT_TRUE(guard_now() == main_guard);
    const GuardSeen* seen[] = {&a, &b};
    for (const GuardSeen* g : seen) {
        EXPECT_TRUE(g->at_start == g->expected);
        EXPECT_TRUE(g->after_yield == g->expected);
        EXPECT_GT(g->high_water, 0u);
    }
    EXPECT_FALSE(a.expected == b.expected);
    EXPECT_EQ(weft::test::pool.used(), 0u);
}
#endif

}  // namespace
