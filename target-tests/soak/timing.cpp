// Time: waits that must time out (on objects nothing ever signals), sleeps, and a waiter with a
// long deadline that the timekeeper wakes long before it; the timekeeper also sets the event and
// gives the semaphore the consumer's wait_any waits on. No wait may end before its deadline.
#include "soak.h"

using namespace weft;

namespace soak {

Event ticker(true);
Semaphore pings;
uint32_t pings_given, pings_taken;

namespace {

Event never_set;
WaitQueue never_woken;
WaitQueue doorbell;         // the pinger waits here
uint32_t rings, answered;   // wake_one() calls that found the pinger, and waits they ended
bool pinger_done;

// A wait nothing can end: it must time out, at or after its deadline.
void wait_out(Rng& rng) {
    const Tick deadline = Timeout::after(micros(5 + rng.below(100)));
    Status s = rng.below(2) == 0 ? never_set.wait(until(deadline)) : never_woken.wait(until(deadline));
    note();
    check(s == Status::timeout, "a wait on something never signalled did not time out");
    timed(s, deadline);
}

void nap(Rng& rng) {
    const Tick deadline = now() + micros(1 + rng.below(100));
    sleep_until(deadline);
    note();
    ++figures.sleeps;
    check(now() >= deadline, "a sleep ended before its deadline");
}

}  // namespace

bool timed(Status s, Tick deadline) {
    ++figures.timed_waits;
    if (s == Status::timeout) {
        ++figures.timeouts;
        return check(now() >= deadline, "a wait timed out before its deadline");
    }
    ++figures.wakes;
    return check(s == Status::ok, "a timed wait ended neither ok nor in a timeout");
}

void timekeeper(void*) {
    Rng rng(0x3000);
    while (!stopping) {
        switch (rng.below(6)) {
        case 0: wait_out(rng); break;
        case 1: nap(rng); break;
        case 2: ticker.set(); break;
        case 3:
            if (pings.give() == Status::ok) ++pings_given;
            break;
        case 4:
            if (doorbell.wake_one()) ++rings;
            break;
        default:
            yield();
            note();
            break;
        }
    }
    // The pinger's last wait need not run to its deadline.
    while (!pinger_done) {
        rings += doorbell.wake_all();
        yield();
        note();
    }
}

// Its deadline is far beyond the timekeeper's next turn: woken, never timed out, in any run.
void pinger(void*) {
    while (!stopping) {
        const Tick deadline = Timeout::after(micros(50000));
        Status s = doorbell.wait(until(deadline));
        note();
        timed(s, deadline);
        if (check(s == Status::ok, "the pinger's wait ran to its deadline: the timekeeper never came")) ++answered;
    }
    pinger_done = true;
}

void timing_end() {
    check(pinger_done, "the pinger did not finish");
    check(rings == answered, "wake_one() said it woke the pinger more often than it woke");
    check(pings.count() == pings_given - pings_taken, "the semaphore's units are not those given less those taken");
    check(doorbell.empty() && never_woken.empty(), "a coroutine still waits in a queue");
}

}  // namespace soak
