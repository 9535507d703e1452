// The FP_CONTROL build setting: each build checks the behaviour it promises.
#include <fenv.h>

#include <stdint.h>

#include <functional>

#include "harness.h"

using namespace weft;
using namespace weft::test;

namespace {

WEFT_POOL_STATIC(pool, 1, 65536);

Coroutine* make(Body& body) {
    Result<Coroutine*> co = create(pool, run_body, &body);
    EXPECT_TRUE(co.ok());
    return *co;
}

// FP_CONTROL=save keeps the rounding mode per coroutine; FP_CONTROL=skip shares it. Each build
// checks the behaviour it promises.
TEST(Coroutine, FloatingPointControlFollowsTheBuildSetting) {
    ASSERT_EQ(fegetround(), FE_TONEAREST);
    int inside_before = -1, inside_after = -1;
    Body body = [&] {
        inside_before = fegetround();
        fesetround(FE_UPWARD);
        yield();
        inside_after = fegetround();
        fesetround(FE_TONEAREST);
    };
    Coroutine* co = make(body);
    enter(co);
    int outside = fegetround();
    fesetround(FE_TONEAREST);
    enter(co);
    EXPECT_EQ(inside_before, FE_TONEAREST);
#if PORT_SAVES_FP_CONTROL
    EXPECT_EQ(outside, FE_TONEAREST);   // the coroutine's mode stayed with it
    EXPECT_EQ(inside_after, FE_UPWARD);
#else
    EXPECT_EQ(outside, FE_UPWARD);      // one mode for all
    EXPECT_EQ(inside_after, FE_TONEAREST);
#endif
    fesetround(FE_TONEAREST);
}

#if PORT_SAVES_FP_CONTROL
WEFT_POOL_STATIC(crew, 3, 65536);

struct FpState {
    int round;
    int masks_open;  // fegetexcept(): the exceptions that trap
    uint32_t mxcsr_control;
};

FpState fp_state() {
    FpState s{fegetround(), fegetexcept(), 0};
#if defined(__SSE__)
    uint32_t mxcsr;
    __asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
    s.mxcsr_control = mxcsr & 0xFFC0u;  // the control bits; the status flags are no coroutine's own
#endif
    return s;
}

bool same(const FpState& a, const FpState& b) {
    return a.round == b.round && a.masks_open == b.masks_open && a.mxcsr_control == b.mxcsr_control;
}

struct Worker {
    int round;
    int open;  // exceptions to unmask; none is raised
    FpState set{};
    unsigned kept = 0;
};

void work(void* p) {
    Worker& w = *static_cast<Worker*>(p);
    fesetround(w.round);
    if (w.open != 0) feenableexcept(w.open);
    w.set = fp_state();
    for (unsigned i = 0; i < 100; ++i) {
        yield();
        if (same(fp_state(), w.set)) ++w.kept;
    }
    fedisableexcept(FE_ALL_EXCEPT);
    fesetround(FE_TONEAREST);
}

// Each of three scheduled coroutines sets its own rounding mode and exception masks (one keeps the
// defaults) and finds them unchanged after each of 100 yields to the others, on both the x87 and
// the SSE side; main's are untouched. Most switches here change the state, so the switch's test
// for "the same state, load nothing" is taken both ways.
TEST(Coroutine, RoundingModeAndExceptionMasksSurviveSwitchesToCoroutinesThatSetOthers) {
    const FpState main_before = fp_state();
    Worker up{FE_UPWARD, FE_DIVBYZERO}, down{FE_DOWNWARD, FE_INVALID | FE_OVERFLOW}, plain{FE_TONEAREST, 0};
    for (Worker* w : {&up, &down, &plain}) ASSERT_TRUE(spawn(crew, work, w).ok());
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(same(fp_state(), main_before));
    EXPECT_EQ(up.set.round, FE_UPWARD);
    EXPECT_EQ(up.set.masks_open, FE_DIVBYZERO);
    EXPECT_EQ(down.set.round, FE_DOWNWARD);
    EXPECT_EQ(down.set.masks_open, FE_INVALID | FE_OVERFLOW);
#if defined(__SSE__)
    EXPECT_NE(up.set.mxcsr_control, down.set.mxcsr_control);
#endif
    for (Worker* w : {&up, &down, &plain}) EXPECT_EQ(w->kept, 100u);
}
#endif

}  // namespace
