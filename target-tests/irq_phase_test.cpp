// An interrupt at every phase of a timed wait: a spare interrupt (phase_irq.h) placed at each tick
// (and each part of one near the start and the deadline, where the spare timer counts finer) from
// before the waiter blocks to after its deadline, its handler waking the waiter by the one
// interrupt-safe call the object has (Semaphore::give, Event::set, Channel::try_send). At each phase
// the waiter gets one outcome and it is the right one: woken (ok, the unit, flag or item taken
// once) only by a wake that came by its return, timed out only at or after its deadline and only
// if the wake came no earlier; a wake after a reported timeout is kept for the next taker and
// reaches nobody, the waiter's next wait included; no queue keeps a waiter. Under -icount the
// interrupt lands at the same instruction every run, so a failure names a phase that repeats.
#include <stdio.h>

#include "kernel_test.h"
#include "phase_irq.h"
#include "port.h"

using namespace weft;
using namespace weft::test;

namespace {

// The wait, in steps (phase_irq::step() ticks each): longer than the path from reading the clock
// into the kernel's queue, so the first phases fall before the waiter blocks and the next ones
// inside that path.
constexpr Tick wait_steps = 48;
// Phases past the deadline: the timer's interrupt, its handler and the waiter's return lie there.
constexpr Tick after_steps = 24;
// How long after the interrupt's tick the waiter's second wait lasts: a stale wake would end it.
constexpr Tick settle_steps = 64;
constexpr Tick phases = wait_steps + after_steps + 1;
// Where the spare timer cuts a step finer (phase_irq::split()), the steps that get every part: the
// first ones, while the waiter reads the clock, arms and blocks, and those around the deadline,
// where the timeout and the wake race. The others, where it only waits, get one phase each.
constexpr Tick fine_lead = 4, fine_around = 3;
constexpr bool fine(Tick i) {
    return i < fine_lead || (i + fine_around >= wait_steps && i <= wait_steps + fine_around);
}

// What the handler did, read by the waiter once it has run.
struct Fired {
    volatile unsigned count;
    volatile Tick at;
    volatile Status status;  // of the handler's call, where it returns one
};
Fired fired;

// One object the handler wakes the waiter through.
struct SemaphoreCase {
    static constexpr const char* name = "semaphore";
    static inline Semaphore* object;
    Semaphore sem;
    SemaphoreCase() { object = &sem; }
    static void wake() { fired.status = object->give(); }
    Status wait(Tick deadline) { return sem.take(until(deadline)); }
    bool took_once() const { return sem.count() == 0; }
    bool kept() { return sem.count() == 1 && sem.try_take() == Status::ok && sem.count() == 0; }
    bool no_waiters() { return sem.waiters().empty(); }
};

struct EventCase {
    static constexpr const char* name = "event";
    static inline Event* object;
    Event event{true};
    EventCase() { object = &event; }
    static void wake() {
        object->set();
        fired.status = Status::ok;
    }
    Status wait(Tick deadline) { return event.wait(until(deadline)); }
    bool took_once() const { return !event.is_set(); }
    bool kept() { return event.is_set() && event.try_wait() == Status::ok && !event.is_set(); }
    bool no_waiters() { return event.waiters().empty(); }
};

struct ChannelCase {
    static constexpr const char* name = "channel";
    static constexpr uint32_t item = 0x5EED1234;
    static inline Channel<uint32_t, 1>* object;
    Channel<uint32_t, 1> channel;
    uint32_t got = 0;
    ChannelCase() { object = &channel; }
    static void wake() { fired.status = object->try_send(item); }
    Status wait(Tick deadline) { return channel.receive(got, until(deadline)); }
    bool took_once() const { return got == item && channel.size() == 0; }
    bool kept() {
        uint32_t late = 0;
        return channel.size() == 1 && channel.try_receive(late) == Status::ok && late == item && channel.size() == 0;
    }
    bool no_waiters() { return channel.receivers().empty(); }
};

void wake_then(void (*wake)()) {
    fired.at = now();
    wake();
    fired.count = fired.count + 1;
}

template <class Case>
struct Sweep {
    const Tick step = phase_irq::step();
    const unsigned split = phase_irq::split();
    const Tick wait_ticks = wait_steps * step, settle_ticks = settle_steps * step;
    unsigned woken = 0, timed_out = 0, failures = 0;

    // One phase: the interrupt `offset` ticks and `part` split()ths of a tick after the waiter
    // reads the clock, its deadline `wait_ticks` after that.
    void phase(Tick offset, unsigned part) {
        Case c;
        Semaphore nothing;  // given by no one: the second wait must time out
        fired.count = 0;
        fired.at = 0;
        fired.status = Status::timeout;
        bool ok = true;
        auto check = [&](bool good, const char* what) {
            if (good || !ok) return;
            ok = false;
            printf("     %s, interrupt at +%lu", Case::name, static_cast<unsigned long>(offset));
            if (part != 0) printf(" and %u/%u", part, split);
            printf(" of a %lu-tick wait: %s\n", static_cast<unsigned long>(wait_ticks), what);
        };
        auto waiter = [&] {
            const Tick start = now();
            const Tick deadline = start + wait_ticks;
            phase_irq::arm(start + offset, part, [] { wake_then(Case::wake); });
            const Status got = c.wait(deadline);
            const Tick returned = now();
            const unsigned fired_by_return = fired.count;
            const Tick fired_at = fired.at;
            // Past the interrupt's tick by settle_ticks, on a second object: a wake meant for the
            // first wait, arriving now, would end this one early or with ok.
            const Tick settle = (start + offset > returned ? start + offset : returned) + settle_ticks;
            const Status second = nothing.take(until(settle));
            check(second == Status::timeout, "a second wait was ended by a stale wake");
            check(now() >= settle, "a second wait ended before its deadline");
            check(fired.count == 1, "the interrupt did not fire exactly once");
            check(fired.status == Status::ok, "the handler's call failed");
            if (got == Status::ok) {
                ++woken;
                check(fired_by_return == 1, "woken before the interrupt came");
                check(c.took_once(), "woken, but the wake was not taken exactly once");
            } else if (got == Status::timeout) {
                ++timed_out;
                check(returned >= deadline, "timed out before the deadline");
                check(fired_by_return == 0 || fired_at >= deadline,
                      "timed out though the wake came before the deadline: a lost wake-up");
                check(c.kept(), "timed out, and the later wake was not kept for the next taker");
            } else {
                check(false, "the wait returned neither ok nor timeout");
            }
        };
        go(pool, waiter);
        check(run() == Status::ok, "run() did not end with every coroutine done");
        phase_irq::disarm();
        check(c.no_waiters(), "a waiter left in the object's queue");
        check(nothing.waiters().empty(), "a waiter left in the second wait's queue");
        check(pool.used() == 0, "a coroutine left in the pool");
        if (!ok) ++failures;
    }

    // Every phase from the waiter's reading of the clock to after_steps past its deadline.
    void all() {
        unsigned total = 0;
        for (Tick i = 0; i < phases; ++i) {
            const unsigned parts = fine(i) ? split : 1;
            for (unsigned part = 0; part < parts; ++part, ++total) phase(i * step, part);
        }
        printf("     %s: %u phases, %lu tick%s apart", Case::name, total, static_cast<unsigned long>(step),
               step == 1 ? "" : "s");
        if (split > 1) printf(" (1/%u tick near the start and the deadline)", split);
        printf(", %u woken, %u timed out\n", woken, timed_out);
        EXPECT_EQ(failures, 0u);
        // Both outcomes, or the window missed the deadline's side or the wait's.
        EXPECT_GT(woken, 0u);
        EXPECT_GT(timed_out, 0u);
        EXPECT_EQ(woken + timed_out, total);
    }
};

template <class Case>
void sweep() {
    if (const char* why = phase_irq::unavailable()) {
        printf("     skipped: %s\n", why);
        return;
    }
    Sweep<Case>().all();
}

TEST(IrqPhase, ASemaphoreGiveAtEveryPhaseOfATimedTake) { sweep<SemaphoreCase>(); }
TEST(IrqPhase, AnEventSetAtEveryPhaseOfATimedWait) { sweep<EventCase>(); }
TEST(IrqPhase, AChannelTrySendAtEveryPhaseOfATimedReceive) { sweep<ChannelCase>(); }

}  // namespace
