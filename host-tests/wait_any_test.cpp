// wait_any over events, semaphores, channels and a timeout.
#include "harness.h"

using namespace weft;
using namespace weft::test;

namespace {

WEFT_POOL_STATIC(pool, 4, 65536);

class Any : public KernelTest {
protected:
    Any() : KernelTest(pool) {}
};

TEST_F(Any, AReadySourceFiresAtOnceInTheOrderGiven) {
    Event a, b;
    Semaphore s(1);
    b.set();
    Body body = [&] {
        Result<unsigned> r = wait_any(forever, on(a), on(s), on(b));
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(*r, 1u);  // s and b were both ready: the first in the list wins
        EXPECT_EQ(s.count(), 0u);
        EXPECT_TRUE(b.is_set());  // untouched
    };
    go(body);
    EXPECT_EQ(run(), Status::ok);
}

TEST_F(Any, EachKindOfSourceCanWakeIt) {
    Trace trace;
    Event ev(true);
    Semaphore sem;
    Channel<int, 2> ch;
    int item = 0;
    Body waiter = [&] {
        for (int i = 0; i < 3; ++i) {
            Result<unsigned> r = wait_any(forever, on(ev), on(sem), on(ch, item));
            ASSERT_TRUE(r.ok());
            trace("source " + std::to_string(*r) + (*r == 2 ? " item " + std::to_string(item) : ""));
        }
    };
    Body poker = [&] {
        ch.try_send(42) == Status::ok ? trace("sent") : trace("send failed");
        yield();
        sem.give() == Status::ok ? trace("gave") : trace("give failed");
        yield();
        ev.set();
        trace("set");
    };
    go(waiter);
    go(poker);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(),
              (Events{"sent", "source 2 item 42", "gave", "source 1", "set", "source 0"}));
    EXPECT_FALSE(ev.is_set());   // the auto-reset event was consumed by the wait
    EXPECT_EQ(sem.count(), 0u);  // the unit went to the waiter
    EXPECT_EQ(ch.size(), 0u);
}

TEST_F(Any, OnlyTheSourceThatFiredIsConsumed) {
    Semaphore s1, s2;
    Result<unsigned> got = Status::deadlock;
    Body waiter = [&] { got = wait_any(forever, on(s1), on(s2)); };
    Body giver = [&] {
        EXPECT_EQ(s2.give(), Status::ok);  // wakes the waiter, which leaves s1's queue too
        EXPECT_EQ(s1.give(), Status::ok);  // nobody waits now: the unit stays
    };
    go(waiter);
    go(giver);
    EXPECT_EQ(run(), Status::ok);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(*got, 1u);
    EXPECT_EQ(s1.count(), 1u);
    EXPECT_EQ(s2.count(), 0u);
}

TEST_F(Any, TimesOut) {
    Event a;
    Channel<int, 1> ch;
    int item = 0;
    Body waiter = [&] {
        Result<unsigned> r = wait_any(within(700), on(a), on(ch, item));
        EXPECT_EQ(r.status(), Status::timeout);
        EXPECT_EQ(t(), 700u);
        // Afterwards it waits on nothing: a later signal is not taken by a ghost.
    };
    go(waiter);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(ch.try_send(5), Status::ok);
    EXPECT_EQ(ch.size(), 1u);
    EXPECT_TRUE(a.waiters().empty());
}

TEST_F(Any, AnInterruptFiresOneSourceInTheMiddleOfTheWait) {
    Event ev;
    Semaphore sem;
    port_host_irq_attach(2, [](void* p) { (void)static_cast<Semaphore*>(p)->give(); }, &sem);
    port_host_irq_at(2, 400);
    Result<unsigned> r = Status::deadlock;
    Tick at = 0;
    Body waiter = [&] {
        r = wait_any(within(1000), on(ev), on(sem));
        at = t();
    };
    go(waiter);
    EXPECT_EQ(run(), Status::ok);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(*r, 1u);
    EXPECT_EQ(at, 400u);
    EXPECT_EQ(port_host_timer_interrupts(), 0u);  // the timeout never came: it was cancelled
}

}  // namespace
