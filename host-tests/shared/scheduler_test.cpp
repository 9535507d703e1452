// The scheduler and wait queues, driven for real: run() returns once everything is done.
#include "kernel_test.h"

using namespace weft;
using namespace weft::test;

namespace {

class Scheduler : public PoolTest {
protected:
    Scheduler() : PoolTest(pool) {}
};

const char* const digits[] = {"0", "1", "2", "3"};

TEST_F(Scheduler, RunWithNothingToDoReturnsAtOnce) { EXPECT_EQ(run(), Status::ok); }

TEST_F(Scheduler, RoundRobinInSpawnOrder) {
    Trace trace;
    auto a = [&] { for (int i = 0; i < 3; ++i) { trace("a", digits[i]); yield(); } };
    auto b = [&] { for (int i = 0; i < 2; ++i) { trace("b", digits[i]); yield(); } };
    auto c = [&] { for (int i = 0; i < 3; ++i) { trace("c", digits[i]); yield(); } };
    go(a);
    go(b);
    go(c);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("a0", "b0", "c0", "a1", "b1", "c1", "a2", "c2"));
}

TEST_F(Scheduler, YieldAloneKeepsRunning) {
    int rounds = 0;
    auto a = [&] { for (; rounds < 100; ++rounds) yield(); };
    go(a);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(rounds, 100);
}

TEST_F(Scheduler, SpawnFromACoroutineJoinsTheBackOfTheQueue) {
    Trace trace;
    auto child = [&] { trace("child"); };
    auto parent = [&] {
        trace("parent spawns");
        go(child);
        yield();
        trace("parent again");
    };
    auto other = [&] { trace("other"); };
    go(parent);
    go(other);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("parent spawns", "other", "child", "parent again"));
}

TEST_F(Scheduler, AScheduledCoroutineCanEnterAPlainOne) {
    Trace trace;
    auto plain = [&] {
        trace("plain 1");
        yield();
        trace("plain 2");
    };
    Coroutine* boss_co = nullptr;
    auto boss = [&] {
        Coroutine* co = make(plain);
        ASSERT_TRUE(co != nullptr);
        enter(co);
        trace("boss");
        EXPECT_EQ(state(co), State::suspended);
        EXPECT_EQ(state(boss_co), State::running);
        EXPECT_TRUE(entered(boss_co));
        EXPECT_FALSE(entered(co));
        yield();  // to the scheduler: the plain coroutine is not in the ready queue
        enter(co);
        trace("boss done");
    };
    auto other = [&] {
        trace("other");
        EXPECT_EQ(state(boss_co), State::ready);  // back in the ring, not still "calling"
        EXPECT_FALSE(entered(boss_co));
    };
    boss_co = go(boss);
    go(other);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("plain 1", "boss", "other", "plain 2", "boss done"));
}

TEST_F(Scheduler, WaitQueueWakesOneAtATimeInArrivalOrder) {
    Trace trace;
    WaitQueue q;
    auto waiter = [&] {
        trace(me(), " waits");
        EXPECT_EQ(q.wait(), Status::ok);
        trace(me(), " woken");
    };
    auto waker = [&] {
        while (q.empty()) yield();
        for (int i = 0; i < 3; ++i) {
            EXPECT_TRUE(q.wake_one());
            yield();
        }
        EXPECT_FALSE(q.wake_one());
    };
    go(waiter, "w1");
    go(waiter, "w2");
    go(waiter, "w3");
    go(waker, "waker");
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("w1 waits", "w2 waits", "w3 waits", "w1 woken", "w2 woken", "w3 woken"));
}

TEST_F(Scheduler, WakeAllReleasesEveryWaiterInOrder) {
    Trace trace;
    WaitQueue q;
    auto waiter = [&] {
        EXPECT_EQ(q.wait(), Status::ok);
        trace(me());
    };
    auto waker = [&] {
        EXPECT_EQ(q.wake_all(), 4u);
        EXPECT_TRUE(q.empty());
        trace("woke all");
    };
    const char* const names[] = {"a", "b", "c", "d"};
    for (const char* n : names) go(waiter, n);
    go(waker);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("woke all", "a", "b", "c", "d"));
}

TEST_F(Scheduler, APlainCoroutineThatWaitsReturnsToItsCallerAndIsScheduledOnceWoken) {
    Trace trace;
    WaitQueue q;
    auto plain = [&] {
        trace("plain waits");
        EXPECT_EQ(q.wait(), Status::ok);
        trace("plain woken");
    };
    Coroutine* co = make(plain);
    ASSERT_TRUE(co != nullptr);
    enter(co);
    trace("back in main");
    EXPECT_EQ(self(), nullptr);
    EXPECT_EQ(state(co), State::waiting);
    EXPECT_TRUE(q.wake_one());
    EXPECT_EQ(state(co), State::ready);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("plain waits", "back in main", "plain woken"));
}

TEST_F(Scheduler, ManyLifecyclesThroughTheScheduler) {
    int done = 0;
    auto spawner = [&] {
        for (int i = 0; i < 2000; ++i) {
            Result<Coroutine*> co = spawn(pool, [](void* p) { ++*static_cast<int*>(p); }, &done);
            ASSERT_TRUE(co.ok());
            yield();
            EXPECT_EQ(pool.used(), 1u);  // the child ran and gave its slot back
        }
    };
    go(spawner);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(done, 2000);
}

}  // namespace
