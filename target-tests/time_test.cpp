// Waits several timer periods long (arch_test.h; on Cortex-M, SysTick's 2^24 core cycles), whatever
// the board's time source: each ends by its timer, on time. Where a narrow counter alone keeps time
// they span wraps that only the timer interrupt sees, which is how a wrap once went uncounted and
// such a wait never ended; where the alarm reaches one period at most they take several alarms
// each, the last one short.
#include <stdio.h>

#include "arch_test.h"
#include "kernel_test.h"
#include "port.h"

using namespace weft;
using namespace weft::test;

namespace {

constexpr Tick long_wait = timer_period * 7 / 2;
// Later than this is a missed deadline, not the latency of a wake-up (as in port_test.cpp).
constexpr Tick late = PORT_TICK_HZ / 50;

long ms(Tick ticks) { return static_cast<long>(ticks * 1000 / PORT_TICK_HZ); }

class LongWaits : public PoolTest {
protected:
    LongWaits() : PoolTest(pool) {}
};

TEST_F(LongWaits, ASleepOfSeveralTimerPeriodsEndsOnTime) {
    Tick woke = 0;
    auto sleeper = [&] {
        sleep_for(long_wait);
        woke = elapsed();
    };
    go(sleeper);
    EXPECT_EQ(run(), Status::ok);
    printf("     asked %ld ms, woke after %ld ms\n", ms(long_wait), ms(woke));
    EXPECT_GE(woke, long_wait);
    EXPECT_LT(woke, long_wait + late);
}

TEST_F(LongWaits, ATimedWaitOfSeveralTimerPeriodsTimesOutOnTime) {
    Semaphore never;
    Status got = Status::ok;
    Tick gave_up = 0;
    auto waiter = [&] {
        got = never.take(within(long_wait));
        gave_up = elapsed();
    };
    go(waiter);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(got, Status::timeout);
    EXPECT_GE(gave_up, long_wait);
    EXPECT_LT(gave_up, long_wait + late);
}

// Longer than the 32-bit counters wrap (171 s at 25 MHz, 71 min at 1 MHz): the wrap must be counted
// wherever a peripheral counter keeps time, and a deadline further than a port arms at once must
// be reached in steps. Under -icount sleep=off the idle stretches cost no host time.
TEST_F(LongWaits, ASleepAcrossTheCounterWrapEndsOnTime) {
    constexpr Tick wrap = Tick{1} << 32;
    Tick woke = 0;
    auto sleeper = [&] {
        sleep_for(wrap + wrap / 4);
        woke = elapsed();
    };
    go(sleeper);
    EXPECT_EQ(run(), Status::ok);
    printf("     asked %ld s, woke after %ld s\n", ms(wrap + wrap / 4) / 1000, ms(woke) / 1000);
    EXPECT_GE(woke, wrap + wrap / 4);
    EXPECT_LT(woke, wrap + wrap / 4 + late);
}

// The waiter's timer is the earliest until it is woken; stopping it moves the port's alarm to the
// giver's next deadline and then the waiter's sleep.
TEST_F(LongWaits, AWakeUpAfterSeveralTimerPeriodsBeatsItsTimeout) {
    Semaphore handed;
    Status got = Status::timeout;
    Tick woken = 0, done = 0;
    auto waiter = [&] {
        got = handed.take(within(long_wait));
        woken = elapsed();
        sleep_for(long_wait);
        done = elapsed();
    };
    auto giver = [&] {
        sleep_for(long_wait - timer_period);
        EXPECT_EQ(handed.give(), Status::ok);
    };
    go(waiter);
    go(giver);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(got, Status::ok);
    EXPECT_GE(woken, long_wait - timer_period);
    EXPECT_LT(woken, long_wait - timer_period + late);
    EXPECT_GE(done, woken + long_wait);
    EXPECT_LT(done, woken + long_wait + late);
}

}  // namespace
