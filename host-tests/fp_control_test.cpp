// The FP_CONTROL build setting: each build checks the behaviour it promises.
#include <fenv.h>

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

// FP_CONTROL=save keeps the rounding mode per coroutine; FP_CONTROL=skip shares it.
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

}  // namespace
