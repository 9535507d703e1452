// The Cortex-M time sources' own cases: a stray entry of the time source's interrupt, and SysTick
// running only while something waits on time where it is only the alarm or stops when idle. The
// waits any port runs are in target-tests/time_test.cpp.
#include "arch_test.h"
#include "cortex_m.h"
#include "kernel_test.h"
#include "nvic.h"
#include "port.h"

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

[[maybe_unused]] constexpr Tick long_wait = timer_period * 7 / 2;
// Later than this is a missed deadline, not the latency of a wake-up (as in port_test.cpp).
[[maybe_unused]] constexpr Tick late = PORT_TICK_HZ / 50;

class LongWaits : public PoolTest {
protected:
    LongWaits() : PoolTest(pool) {}
};

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

#if defined(PORT_TIME_SYSTICK_TICKLESS)
// Where SysTick keeps time, a read of its control register would take a wrap's COUNTFLAG from the
// time source: it is on when its count moves (off, the count holds). The pause is a few SysTick
// cycles even under QEMU's -icount, where a cycle at 12.5 MHz is 80 instructions.
bool systick_on() {
    uint32_t before = cortex_m::reg(cortex_m::syst_cvr);
    for (int i = 0; i < 200; ++i) __asm__ volatile("");
    return cortex_m::reg(cortex_m::syst_cvr) != before;
}
#elif defined(PORT_TIME_SYSTICK_ALARM)
bool systick_on() { return (cortex_m::reg(cortex_m::syst_csr) & 1) != 0; }
#endif

#if defined(PORT_TIME_SYSTICK_ALARM) || defined(PORT_TIME_SYSTICK_TICKLESS)

// Where a peripheral counter keeps time, or SysTick alone does and stops when idle, SysTick runs
// only while a deadline is pending: not for a coroutine that waits without a timeout, not once the
// last deadline has passed.
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
