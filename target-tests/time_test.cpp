// Waits several SysTick periods (2^24 core cycles) long, whatever the board's time source: each ends
// by its timer, on time. With SysTick alone they span wraps that only the timer interrupt sees,
// which is how a wrap once went uncounted and such a wait never ended; with a peripheral counter they
// take several SysTick alarms each, the last one short.
#include <stdio.h>

#include "kernel_test.h"
#include "port.h"
#if defined(PORT_TIME_SYSTICK_ALARM)
#include "cortex_m.h"
#endif
#include "nvic.h"

// The time source's own interrupt, where it has one.
#if defined(CMSDK_TIMER_IRQ)
#define TIME_IRQ CMSDK_TIMER_IRQ
#elif defined(STM32_TIM_IRQ)
#define TIME_IRQ STM32_TIM_IRQ
#elif defined(NRF51_TIMER_IRQ)
#define TIME_IRQ NRF51_TIMER_IRQ
#endif

using namespace weft;
using namespace weft::test;

namespace {

// One SysTick period, in the time source's ticks.
constexpr Tick systick_period = (Tick{1} << 24) * PORT_TICK_HZ / BOARD_CPU_HZ;
constexpr Tick long_wait = systick_period * 7 / 2;
// Later than this is a missed deadline, not the latency of a wake-up (as in port_test.cpp).
constexpr Tick late = PORT_TICK_HZ / 50;

long ms(Tick ticks) { return static_cast<long>(ticks * 1000 / PORT_TICK_HZ); }

class LongWaits : public PoolTest {
protected:
    LongWaits() : PoolTest(pool) {}
};

TEST_F(LongWaits, ASleepOfSeveralSysTickPeriodsEndsOnTime) {
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

TEST_F(LongWaits, ATimedWaitOfSeveralSysTickPeriodsTimesOutOnTime) {
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

#if defined(TIME_IRQ)
// An entry of the time source's interrupt with nothing to count (a stray pend, or a re-entry before
// a clear has landed) moves no time: a wrap counted for it would put the clock 2^32 ticks ahead.
TEST_F(LongWaits, AStrayTimeInterruptMovesNoTime) {
    Tick before = port_ticks();
    cortex_m::irq_pend(TIME_IRQ);
    __asm__ volatile("dsb\n\tisb" ::: "memory");  // taken here, before the next reading
    Tick after = port_ticks();
    EXPECT_LT(after - before, late);
}
#endif

// The waiter's timer is the earliest until it is woken; stopping it moves the port's alarm to the
// giver's next deadline and then the waiter's sleep.
TEST_F(LongWaits, AWakeUpAfterSeveralSysTickPeriodsBeatsItsTimeout) {
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
        sleep_for(long_wait - systick_period);
        EXPECT_EQ(handed.give(), Status::ok);
    };
    go(waiter);
    go(giver);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(got, Status::ok);
    EXPECT_GE(woken, long_wait - systick_period);
    EXPECT_LT(woken, long_wait - systick_period + late);
    EXPECT_GE(done, woken + long_wait);
    EXPECT_LT(done, woken + long_wait + late);
}

#if defined(PORT_TIME_SYSTICK_ALARM)
bool systick_on() { return (cortex_m::reg(cortex_m::syst_csr) & 1) != 0; }

// Where a peripheral counter keeps time, SysTick runs only while a deadline is pending: not for a
// coroutine that waits without a timeout, not once the last deadline has passed.
TEST_F(LongWaits, SysTickRunsOnlyWhileSomethingWaitsOnTime) {
    Semaphore handed;
    bool off_at_start = false, on_while_sleeping = false, slept = false, off_after = false;
    auto waiter = [&] { EXPECT_EQ(handed.take(), Status::ok); };
    auto sleeper = [&] {
        off_at_start = !systick_on();
        sleep_for(PORT_TICK_HZ / 100);
        slept = true;
        off_after = !systick_on();
        EXPECT_EQ(handed.give(), Status::ok);
    };
    auto watcher = [&] {
        while (!slept) {
            on_while_sleeping = on_while_sleeping || systick_on();
            yield();
        }
    };
    go(waiter);
    go(sleeper);
    go(watcher);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(off_at_start);
    EXPECT_TRUE(on_while_sleeping);
    EXPECT_TRUE(off_after);
    EXPECT_FALSE(systick_on());
}

// A wait that ends before its timeout takes its deadline with it: SysTick stops at once.
TEST_F(LongWaits, SysTickStopsWhenAWaitEndsBeforeItsTimeout) {
    Semaphore handed;
    bool on_while_waiting = false, off_after = false;
    auto waiter = [&] {
        EXPECT_EQ(handed.take(within(long_wait)), Status::ok);
        off_after = !systick_on();
    };
    auto giver = [&] {
        on_while_waiting = systick_on();
        EXPECT_EQ(handed.give(), Status::ok);
    };
    go(waiter);
    go(giver);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(on_while_waiting);
    EXPECT_TRUE(off_after);
}
#endif

}  // namespace
