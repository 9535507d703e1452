// Sleeping and timer order, with the board's real timer or the host's fake clock.
#include <chrono>

#include "kernel_test.h"

using namespace weft;
using namespace weft::test;
using namespace std::chrono_literals;

namespace {

class Sleeping : public PoolTest {
protected:
    Sleeping() : PoolTest(pool) {}
};

TEST_F(Sleeping, SleepForWakesAtTheDeadlineInDeadlineOrder) {
    Trace trace;
    Tick a_woke = 0, b_woke = 0;
    auto a = [&] {
        sleep_for(3ms);
        a_woke = elapsed();
        trace("a");
    };
    auto b = [&] {
        sleep_for(1ms);
        b_woke = elapsed();
        trace("b");
    };
    go(a);
    go(b);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("b", "a"));
    EXPECT_TICKS(b_woke, to_ticks(1ms));
    EXPECT_TICKS(a_woke, to_ticks(3ms));
}

// At the board's own tick rate: a long wait in nanoseconds (std::chrono's steady clock unit) is as
// long as asked, not cut short by an overflow; ticks convert back exactly.
TEST(TickRate, LongNanosecondWaitsAreNotCutShort) {
    EXPECT_EQ(to_ticks(std::chrono::nanoseconds(std::chrono::hours(10))), 36000 * tick_hz);
    EXPECT_EQ(to_ticks(std::chrono::nanoseconds(INT64_MAX)), 
              (INT64_MAX / 1000000000) * tick_hz + ((INT64_MAX % 1000000000) * tick_hz + 999999999) / 1000000000);
    EXPECT_EQ(to_ticks(std::chrono::hours(INT64_MAX)), UINT64_MAX);
    EXPECT_TRUE(from_ticks<std::chrono::nanoseconds>(36000 * tick_hz) == std::chrono::hours(10));
    EXPECT_TRUE(from_ticks<std::chrono::nanoseconds>(UINT64_MAX) == std::chrono::nanoseconds::max());
}

TEST_F(Sleeping, SleepForZeroYieldsToTheOthers) {
    Trace trace;
    auto a = [&] {
        trace("a1");
        sleep_for(0ms);
        trace("a2");
    };
    auto b = [&] { trace("b"); };
    go(a);
    go(b);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("a1", "b", "a2"));
}

TEST_F(Sleeping, EqualDeadlinesWakeInTheOrderTheyWereSet) {
    Trace trace;
    Tick deadline = now() + to_ticks(2ms);
    auto sleeper = [&] {
        sleep_until(deadline);
        trace(me());
    };
    const char* const names[] = {"s1", "s2", "s3", "s4", "s5", "s6"};
    for (const char* n : names) go(sleeper, n);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("s1", "s2", "s3", "s4", "s5", "s6"));
    EXPECT_GE(now(), deadline);
}

TEST_F(Sleeping, ManyTimersFireInDeadlineOrder) {
    Trace trace;
    Tick base = now() + to_ticks(1ms);
    auto sleeper = [&] {
        sleep_until(base + static_cast<Tick>(me()[0] - 'a') * to_ticks(100us));
        trace(me());
    };
    const char* const names[] = {"e", "b", "f", "a", "d", "c"};
    for (const char* n : names) go(sleeper, n);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("a", "b", "c", "d", "e", "f"));
}

}  // namespace
