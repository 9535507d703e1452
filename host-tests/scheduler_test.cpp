// The scheduler and wait queues, driven for real: run() returns once everything is done.
#include <gtest/gtest.h>

#include <functional>

#include "port_host.h"
#include "trace.h"
#include "weft/weft.h"

using namespace weft;
using namespace weft::test;

namespace {

WEFT_POOL_STATIC(pool, 8, 65536);

using Body = std::function<void()>;
void run_body(void* p) { from<Body>(p)(); }

Coroutine* go(Body& body, const char* name = nullptr) {
    Result<Coroutine*> co = spawn(pool, run_body, &body, name);
    EXPECT_TRUE(co.ok());
    return *co;
}

class Sched : public ::testing::Test {
protected:
    void SetUp() override { port_host_reset(0); }
    void TearDown() override { EXPECT_EQ(pool.used(), 0u); }
};

TEST_F(Sched, RunWithNothingToDoReturnsAtOnce) { EXPECT_EQ(run(), Status::ok); }

TEST_F(Sched, RoundRobinInSpawnOrder) {
    Trace trace;
    Body a = [&] { for (int i = 0; i < 3; ++i) { trace("a" + std::to_string(i)); yield(); } };
    Body b = [&] { for (int i = 0; i < 2; ++i) { trace("b" + std::to_string(i)); yield(); } };
    Body c = [&] { for (int i = 0; i < 3; ++i) { trace("c" + std::to_string(i)); yield(); } };
    go(a);
    go(b);
    go(c);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"a0", "b0", "c0", "a1", "b1", "c1", "a2", "c2"}));
}

TEST_F(Sched, YieldAloneKeepsRunning) {
    int rounds = 0;
    Body a = [&] { for (; rounds < 100; ++rounds) yield(); };
    go(a);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(rounds, 100);
}

TEST_F(Sched, SpawnFromACoroutineJoinsTheBackOfTheQueue) {
    Trace trace;
    Body child = [&] { trace("child"); };
    Body parent = [&] {
        trace("parent spawns");
        go(child);
        yield();
        trace("parent again");
    };
    Body other = [&] { trace("other"); };
    go(parent);
    go(other);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"parent spawns", "other", "child", "parent again"}));
}

TEST_F(Sched, AScheduledCoroutineCanEnterAPlainOne) {
    Trace trace;
    Body plain = [&] { trace("plain 1"); yield(); trace("plain 2"); };
    Body boss = [&] {
        Result<Coroutine*> co = create(pool, run_body, &plain);
        ASSERT_TRUE(co.ok());
        enter(*co);
        trace("boss");
        yield();  // to the scheduler: the plain coroutine is not in the ready queue
        enter(*co);
        trace("boss done");
    };
    Body other = [&] { trace("other"); };
    go(boss);
    go(other);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"plain 1", "boss", "other", "plain 2", "boss done"}));
}

TEST_F(Sched, WaitQueueWakesOneAtATimeInArrivalOrder) {
    Trace trace;
    WaitQueue q;
    Body waiter = [&] {
        std::string me = name(self());
        trace(me + " waits");
        q.wait();
        trace(me + " woken");
    };
    Body waker = [&] {
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
    EXPECT_EQ(trace.events(),
              (Events{"w1 waits", "w2 waits", "w3 waits", "w1 woken", "w2 woken", "w3 woken"}));
}

TEST_F(Sched, WakeAllReleasesEveryWaiterInOrder) {
    Trace trace;
    WaitQueue q;
    Body waiter = [&] {
        std::string me = name(self());
        q.wait();
        trace(me);
    };
    Body waker = [&] {
        EXPECT_EQ(q.wake_all(), 4u);
        EXPECT_TRUE(q.empty());
        trace("woke all");
    };
    for (const char* n : {"a", "b", "c", "d"}) go(waiter, n);
    go(waker);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"woke all", "a", "b", "c", "d"}));
}

TEST_F(Sched, RunReportsDeadlockWhenNothingCanWakeTheWaiters) {
    WaitQueue q;
    Body waiter = [&] { q.wait(); };
    Coroutine* co = go(waiter, "stuck");
    EXPECT_EQ(run(), Status::deadlock);
    EXPECT_EQ(state(co), State::waiting);
    // Wake it from outside any coroutine, and run again to let it finish.
    EXPECT_TRUE(q.wake_one());
    EXPECT_EQ(run(), Status::ok);
}

TEST_F(Sched, AnInterruptWakesAWaiterWhileTheSchedulerIdles) {
    Trace trace;
    WaitQueue q;
    port_host_irq_attach(3, [](void* p) { static_cast<WaitQueue*>(p)->wake_one(); }, &q);
    port_host_irq_at(3, 1000);  // a peripheral that finishes later
    Body waiter = [&] {
        trace("waits");
        q.wait();
        trace("woken at " + std::to_string(port_host_now()));
    };
    go(waiter);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"waits", "woken at 1000"}));
}

TEST_F(Sched, AnInterruptInTheMiddleOfAWaitIsTakenAtTheNextUnmask) {
    Trace trace;
    WaitQueue q;
    port_host_irq_attach(5, [](void* p) { static_cast<WaitQueue*>(p)->wake_one(); }, &q);
    Body waiter = [&] {
        q.wait();
        trace("woken");
    };
    Body raiser = [&] {
        trace("raise");
        port_host_irq_raise(5);  // unmasked: the handler runs now, inside this coroutine's time
        trace("raised");
    };
    go(waiter);
    go(raiser);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"raise", "raised", "woken"}));
}

TEST_F(Sched, APlainCoroutineThatWaitsReturnsToItsCallerAndIsScheduledOnceWoken) {
    Trace trace;
    WaitQueue q;
    Body plain = [&] {
        trace("plain waits");
        q.wait();
        trace("plain woken");
    };
    Result<Coroutine*> co = create(pool, run_body, &plain);
    ASSERT_TRUE(co.ok());
    enter(*co);
    trace("back in main");
    EXPECT_EQ(state(*co), State::waiting);
    q.wake_one();
    EXPECT_EQ(state(*co), State::ready);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"plain waits", "back in main", "plain woken"}));
}

TEST_F(Sched, ManyLifecyclesThroughTheScheduler) {
    int done = 0;
    Body spawner = [&] {
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

using SchedDeathTest = Sched;

TEST_F(SchedDeathTest, RunInsideACoroutine) {
    Body body = [] { (void)run(); };
    Result<Coroutine*> co = create(pool, run_body, &body, "nested-run");
    ASSERT_TRUE(co.ok());
    EXPECT_DEATH(enter(*co), "run\\(\\) called from inside a coroutine.*'nested-run'");
    body = [] {};
    enter(*co);
}

TEST_F(SchedDeathTest, WaitingFromAnInterruptHandler) {
    WaitQueue q;
    port_host_irq_attach(7, [](void* p) { static_cast<WaitQueue*>(p)->wait(); }, &q);
    EXPECT_DEATH(port_host_irq_raise(7), "wait\\(\\) called outside a coroutine or from an interrupt handler");
}

TEST_F(SchedDeathTest, AnInterruptWithNoHandler) {
    EXPECT_DEATH(port_host_irq_raise(9), "interrupt line 9 raised with no handler");
}

}  // namespace
