// Time: sleeping, deadlines, the tickless timer, the counter wrap and the idle race.
#include <chrono>

#include "harness.h"
#include "weft/chrono.h"

using namespace weft;
using namespace weft::test;
using namespace std::chrono_literals;

namespace {

WEFT_POOL_STATIC(pool, 8, 65536);

class Time : public KernelTest {
protected:
    Time() : KernelTest(pool, 1000) {}
};

TEST_F(Time, ChronoConversionsRoundUpAndBack) {
    static_assert(tick_hz == 1000000);
    EXPECT_EQ(to_ticks(1ms), 1000u);
    EXPECT_EQ(to_ticks(1500ns), 2u);  // rounded up: never wait less than asked
    EXPECT_EQ(to_ticks(0s), 0u);
    EXPECT_EQ(to_ticks(-5ms), 0u);
    EXPECT_EQ(to_ticks(std::chrono::hours(24 * 365 * 1000)), 31536000000000000u);
    EXPECT_EQ(from_ticks<std::chrono::milliseconds>(2500), 2ms);
    EXPECT_EQ(from_ticks<std::chrono::microseconds>(2500), 2500us);
    EXPECT_EQ(Clock::now().time_since_epoch().count(), 1000);
}

TEST_F(Time, ATimeoutHasPassedFromItsDeadlineOnAndForeverNever) {
    Timeout t = within(10);
    EXPECT_FALSE(t.passed());
    port_host_advance(9);
    EXPECT_FALSE(t.passed());
    port_host_advance(1);
    EXPECT_TRUE(t.passed());
    EXPECT_TRUE(until(0).passed());
    EXPECT_FALSE(forever.passed());
}

TEST_F(Time, EqualDeadlinesShareOneTimerInterrupt) {
    Trace trace;
    Body sleeper = [&] {
        std::string me = name(self());
        sleep_until(5000);
        trace(me);
    };
    for (const char* n : {"s1", "s2", "s3", "s4", "s5", "s6"}) go(sleeper, n);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"s1", "s2", "s3", "s4", "s5", "s6"}));
    EXPECT_EQ(port_host_timer_interrupts(), 1u);
}

TEST_F(Time, TicklessOneInterruptPerDeadline) {
    Body sleeper = [&] {
        sleep_for(10s);  // ten million ticks
        sleep_for(20s);
    };
    go(sleeper);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(t(), 1000u + 30000000u);
    EXPECT_EQ(port_host_timer_interrupts(), 2u);  // nothing ticks in between
}

// The fake hardware counter is 32 bits wide; the port extends it to 64.
class Wrap : public KernelTest {
protected:
    Wrap() : KernelTest(pool, 0xFFFFFF00u) {}
};

TEST_F(Wrap, DeadlinesAcrossTheCounterWrap) {
    Trace trace;
    Body sleeper = [&] {
        trace("start " + std::to_string(t()));
        sleep_for(0x200);
        trace("woke " + std::to_string(t()));
        Tick before = t();
        sleep_for(3ull << 32);  // longer than the counter's whole range, three times over
        trace(t() - before == (3ull << 32) ? "long sleep exact" : "long sleep wrong");
    };
    go(sleeper);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(),
              (Events{"start 4294967040", "woke 4294967552", "long sleep exact"}));
    EXPECT_EQ(port_host_now(), t());
}

TEST_F(Wrap, TimeoutAcrossTheWrap) {
    Semaphore sem;
    Status got = Status::ok;
    Tick woke = 0;
    Body waiter = [&] {
        got = sem.take(within(0x1000));
        woke = t();
    };
    go(waiter);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(got, Status::timeout);
    EXPECT_EQ(woke, 0xFFFFFF00ull + 0x1000u);
}

// The idle race: an interrupt that makes a coroutine ready lands after run() found nothing ready
// but before the CPU sleeps. run() masks across both, so the interrupt stays pending, the sleep
// ends at once, and the handler runs when run() unmasks.
struct Race {
    Trace trace;
    Event event;
    bool raised = false;
};

TEST_F(Time, AnInterruptJustBeforeIdleIsNotLost) {
    Race race;
    port_host_irq_attach(4, [](void* p) {
        auto& r = *static_cast<Race*>(p);
        r.trace("handler");
        r.event.set();
    }, &race);
    port_host_on_idle([](void* p) {
        auto& r = *static_cast<Race*>(p);
        if (r.raised) return;
        r.raised = true;
        r.trace(port_irq_save() ? "idle, masked" : "idle, unmasked");  // reads the mask without changing it
        port_host_irq_raise(4);
        r.trace("raised");
    }, &race);
    Body waiter = [&] {
        race.trace("waits");
        EXPECT_EQ(race.event.wait(), Status::ok);
        race.trace("woken");
    };
    go(waiter);
    EXPECT_EQ(run(), Status::ok);
    // Had idle run unmasked, the handler would have run inside "raised" and idle would sleep on.
    EXPECT_EQ(race.trace.events(), (Events{"waits", "idle, masked", "raised", "handler", "woken"}));
}

TEST_F(Time, AWakeAtTheSameTickAsTheTimeoutWinsIfItComesFirst) {
    Semaphore sem;
    Status got = Status::timeout;
    port_host_irq_attach(6, [](void* p) { (void)static_cast<Semaphore*>(p)->give(); }, &sem);
    port_host_irq_at(6, 2000);  // at the timeout's tick; the timer has the lowest priority
    Body waiter = [&] { got = sem.take(within(1000)); };  // deadline 2000
    go(waiter);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(got, Status::ok);
    EXPECT_EQ(sem.count(), 0u);  // the unit went to the waiter, not back to the count
}

// The same tick reached while a coroutine moves the clock rather than while run() idles: the
// interrupt and the timer still fall due together, and the interrupt is still taken first.
TEST_F(Time, AWakeAtTheSameTickAsTheTimeoutWinsAlsoWhenACoroutineMovesTheClock) {
    Semaphore sem;
    Status got = Status::timeout;
    port_host_irq_attach(6, [](void* p) { (void)static_cast<Semaphore*>(p)->give(); }, &sem);
    port_host_irq_at(6, 2000);
    Body waiter = [&] { got = sem.take(within(1000)); };  // deadline 2000
    Body busy = [] { port_host_advance(5000); };          // a long computation, across the tick
    go(waiter);
    go(busy);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(got, Status::ok);
    EXPECT_EQ(sem.count(), 0u);
}

TEST_F(Time, ATimeoutAtTheSameTickAsAWakeWinsIfItComesFirst) {
    Semaphore sem;
    Status got = Status::ok;
    Body waiter = [&] { got = sem.take(within(1000)); };  // deadline 2000
    Body giver = [&] {
        sleep_until(2000);  // the same tick; its timer was set after the waiter's
        EXPECT_EQ(sem.give(), Status::ok);
    };
    go(waiter);
    go(giver);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(got, Status::timeout);
    EXPECT_EQ(sem.count(), 1u);  // the give found nobody waiting: nothing lost
}

}  // namespace
