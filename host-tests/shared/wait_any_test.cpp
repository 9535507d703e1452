// wait_any over events, semaphores, channels and a timeout.
#include <chrono>

#include "kernel_test.h"

using namespace weft;
using namespace weft::test;
using namespace std::chrono_literals;

namespace {

class Any : public PoolTest {
protected:
    Any() : PoolTest(pool) {}
};

const char* const digits[] = {"0", "1", "2"};

TEST_F(Any, AReadySourceFiresAtOnceInTheOrderGiven) {
    Event a, b;
    Semaphore s(1);
    b.set();
    auto body = [&] {
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
    auto waiter = [&] {
        for (int i = 0; i < 3; ++i) {
            Result<unsigned> r = wait_any(forever, on(ev), on(sem), on(ch, item));
            ASSERT_TRUE(r.ok());
            trace("source ", digits[*r], *r == 2 && item == 42 ? " item 42" : "");
        }
    };
    auto poker = [&] {
        EXPECT_EQ(ch.try_send(42), Status::ok);
        trace("sent");
        yield();
        EXPECT_EQ(sem.give(), Status::ok);
        trace("gave");
        yield();
        ev.set();
        trace("set");
    };
    go(waiter);
    go(poker);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("sent", "source 2 item 42", "gave", "source 1", "set", "source 0"));
    EXPECT_FALSE(ev.is_set());   // the auto-reset event was consumed by the wait
    EXPECT_EQ(sem.count(), 0u);  // the unit went to the waiter
    EXPECT_EQ(ch.size(), 0u);
}

// A wait_any with one source is no plain wait: its waker takes the general path, which must still
// report that source.
TEST_F(Any, OneSourceReportsItself) {
    Semaphore sem;
    unsigned fired = 99;
    auto waiter = [&] {
        Result<unsigned> r = wait_any(forever, on(sem));
        ASSERT_TRUE(r.ok());
        fired = *r;
    };
    auto giver = [&] { EXPECT_EQ(sem.give(), Status::ok); };
    go(waiter);
    go(giver);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(fired, 0u);
    EXPECT_EQ(sem.count(), 0u);
}

TEST_F(Any, OnlyTheSourceThatFiredIsConsumed) {
    Semaphore s1, s2;
    Result<unsigned> got = Status::deadlock;
    auto waiter = [&] { got = wait_any(forever, on(s1), on(s2)); };
    auto giver = [&] {
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

TEST_F(Any, TimesOutAndLeavesNoGhostBehind) {
    Event a;
    Channel<int, 1> ch;
    int item = 0;
    auto waiter = [&] {
        Result<unsigned> r = wait_any(2ms, on(a), on(ch, item));
        EXPECT_EQ(r.status(), Status::timeout);
        EXPECT_TICKS(elapsed(), to_ticks(2ms));
    };
    go(waiter);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(ch.try_send(5), Status::ok);  // stays in the channel: no stale receiver took it
    EXPECT_EQ(ch.size(), 1u);
    EXPECT_TRUE(a.waiters().empty());
}

}  // namespace
