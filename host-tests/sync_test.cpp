// Mutex, semaphore, event and readers-writer lock: every path, timeouts, FIFO fairness.
#include "harness.h"

using namespace weft;
using namespace weft::test;

namespace {

WEFT_POOL_STATIC(pool, 8, 65536);

class Sync : public KernelTest {
protected:
    Sync() : KernelTest(pool) {}
};

std::string me() { return name(self()); }

TEST_F(Sync, MutexHandsOffInArrivalOrderWithoutBarging) {
    Trace trace;
    Mutex m;
    Body holder = [&] {
        ASSERT_EQ(m.lock(), Status::ok);
        trace("holder has it");
        yield();  // let the others queue up
        EXPECT_EQ(m.unlock(), Status::ok);
        // Handed to the first waiter: even though we are still running, we cannot take it back.
        EXPECT_EQ(m.try_lock(), Status::would_block);
        EXPECT_STREQ(name(m.owner()), "c1");
        trace("holder released");
    };
    Body contender = [&] {
        ASSERT_EQ(m.lock(), Status::ok);
        trace(me() + " has it");
        yield();
        EXPECT_EQ(m.unlock(), Status::ok);
    };
    go(holder, "holder");
    go(contender, "c1");
    go(contender, "c2");
    go(contender, "c3");
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"holder has it", "holder released", "c1 has it", "c2 has it", "c3 has it"}));
    EXPECT_EQ(m.owner(), nullptr);
}

TEST_F(Sync, MutexDetectsRecursionAndForeignUnlock) {
    Mutex m;
    Body a = [&] {
        EXPECT_EQ(m.lock(), Status::ok);
        EXPECT_EQ(m.lock(), Status::deadlock);
        EXPECT_EQ(m.try_lock(), Status::deadlock);
        yield();
        EXPECT_EQ(m.unlock(), Status::ok);
        EXPECT_EQ(m.unlock(), Status::not_owner);  // no longer held
    };
    Body b = [&] {
        EXPECT_EQ(m.unlock(), Status::not_owner);  // held by a
        EXPECT_STREQ(name(m.owner()), "a");
    };
    go(a, "a");
    go(b, "b");
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(m.unlock(), Status::not_owner);  // outside any coroutine
}

TEST_F(Sync, MutexLockTimesOutAndLeavesTheQueue) {
    Trace trace;
    Mutex m;
    Body holder = [&] {
        ASSERT_EQ(m.lock(), Status::ok);
        sleep_for(5000);
        EXPECT_EQ(m.unlock(), Status::ok);
        trace("released at " + std::to_string(t()));
    };
    Body impatient = [&] {
        EXPECT_EQ(m.lock(within(1000)), Status::timeout);
        trace("gave up at " + std::to_string(t()));
    };
    Body patient = [&] {
        EXPECT_EQ(m.lock(within(10000)), Status::ok);
        trace("got it at " + std::to_string(t()));
        EXPECT_EQ(m.unlock(), Status::ok);
    };
    go(holder);
    go(impatient);
    go(patient);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"gave up at 1000", "released at 5000", "got it at 5000"}));
}

TEST_F(Sync, MutexHeldAcrossASleep) {
    Trace trace;
    Mutex m;
    Body a = [&] {
        LockGuard guard(m);
        ASSERT_TRUE(guard.locked());
        trace("a sleeps holding it");
        sleep_for(100);
        trace("a wakes");
    };
    Body b = [&] {
        LockGuard guard(m);
        trace("b has it at " + std::to_string(t()));
    };
    go(a);
    go(b);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"a sleeps holding it", "a wakes", "b has it at 100"}));
}

TEST_F(Sync, SemaphoreCountsAndHandsUnitsToWaitersInOrder) {
    Trace trace;
    Semaphore sem(2);
    Body taker = [&] {
        EXPECT_EQ(sem.take(), Status::ok);
        trace(me());
    };
    Body giver = [&] {
        EXPECT_EQ(sem.count(), 0u);
        for (int i = 0; i < 3; ++i) EXPECT_EQ(sem.give(), Status::ok);
        EXPECT_EQ(sem.count(), 1u);  // two went straight to waiters
        trace("gave 3");
    };
    for (const char* n : {"t1", "t2", "t3", "t4"}) go(taker, n);
    go(giver, "giver");
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"t1", "t2", "gave 3", "t3", "t4"}));
    EXPECT_EQ(sem.count(), 1u);
}

TEST_F(Sync, SemaphoreTryTimeoutAndOverflow) {
    Semaphore sem(UINT32_MAX - 1);
    EXPECT_EQ(sem.give(), Status::ok);
    EXPECT_EQ(sem.give(), Status::exhausted);
    EXPECT_EQ(sem.count(), UINT32_MAX);
    Semaphore empty;
    EXPECT_EQ(empty.try_take(), Status::would_block);
    Body waiter = [&] {
        EXPECT_EQ(empty.take(within(250)), Status::timeout);
        EXPECT_EQ(t(), 250u);
        EXPECT_EQ(empty.take(until(0)), Status::timeout);  // a deadline already past: no wait
        EXPECT_EQ(t(), 250u);
    };
    go(waiter);
    EXPECT_EQ(run(), Status::ok);
}

TEST_F(Sync, ManualResetEventWakesEveryoneAndStaysSet) {
    Trace trace;
    Event ev;
    Body waiter = [&] {
        EXPECT_EQ(ev.wait(), Status::ok);
        trace(me());
    };
    Body setter = [&] {
        ev.set();
        trace("set");
    };
    go(waiter, "w1");
    go(waiter, "w2");
    go(setter, "setter");
    go(waiter, "w3");  // arrives after the set: passes straight through
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"set", "w3", "w1", "w2"}));
    EXPECT_TRUE(ev.is_set());
    ev.clear();
    EXPECT_FALSE(ev.is_set());
    EXPECT_EQ(ev.try_wait(), Status::would_block);
}

TEST_F(Sync, AutoResetEventWakesOneAndIsConsumed) {
    Trace trace;
    Event ev(true);
    Body waiter = [&] {
        EXPECT_EQ(ev.wait(within(1000)), me() == "w3" ? Status::timeout : Status::ok);
        trace(me() + " at " + std::to_string(t()));
    };
    Body setter = [&] {
        ev.set();
        ev.set();  // two sets, two waiters woken
        trace("set twice");
    };
    go(waiter, "w1");
    go(waiter, "w2");
    go(waiter, "w3");
    go(setter, "setter");
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"set twice", "w1 at 0", "w2 at 0", "w3 at 1000"}));
    EXPECT_FALSE(ev.is_set());
    ev.set();  // nobody waits: it stays set for the next one
    EXPECT_EQ(ev.try_wait(), Status::ok);
    EXPECT_EQ(ev.try_wait(), Status::would_block);
}

TEST_F(Sync, RwLockReadersShareWritersExclude) {
    Trace trace;
    RwLock rw;
    Body reader = [&] {
        EXPECT_EQ(rw.read_lock(), Status::ok);
        trace(me() + " reads with " + std::to_string(rw.readers()));
        yield();
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    Body writer = [&] {
        EXPECT_EQ(rw.write_lock(), Status::ok);
        EXPECT_TRUE(rw.write_locked());
        trace(me() + " writes");
        yield();
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    go(reader, "r1");
    go(reader, "r2");
    go(writer, "w");
    go(reader, "r3");  // queues behind the waiting writer: no writer starvation
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"r1 reads with 1", "r2 reads with 2", "w writes", "r3 reads with 1"}));
    EXPECT_EQ(rw.unlock(), Status::not_owner);
}

TEST_F(Sync, RwLockUpgradeAndDowngrade) {
    Trace trace;
    RwLock rw;
    Body solo = [&] {
        EXPECT_EQ(rw.read_lock(), Status::ok);
        EXPECT_EQ(rw.try_upgrade(), Status::ok);  // the only reader, nobody waiting: at once
        EXPECT_TRUE(rw.write_locked());
        trace("solo upgraded");
        yield();  // r queues
        rw.downgrade();  // lets the queued reader in alongside
        trace("solo downgraded, readers " + std::to_string(rw.readers()));
        yield();
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    Body r = [&] {
        EXPECT_EQ(rw.read_lock(), Status::ok);
        trace("r reads with " + std::to_string(rw.readers()));
        EXPECT_EQ(rw.try_upgrade(), Status::would_block);  // another reader holds it
        EXPECT_EQ(rw.upgrade(), Status::ok);  // gives up its read lock, waits for solo to leave
        trace("r upgraded");
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    go(solo, "solo");
    go(r, "r");
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(),
              (Events{"solo upgraded", "solo downgraded, readers 2", "r reads with 2", "r upgraded"}));
    EXPECT_FALSE(rw.write_locked());
    EXPECT_EQ(rw.readers(), 0);
}

TEST_F(Sync, RwLockTimeouts) {
    RwLock rw;
    Body writer = [&] {
        EXPECT_EQ(rw.write_lock(), Status::ok);
        sleep_for(1000);
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    Body reader = [&] {
        EXPECT_EQ(rw.try_read_lock(), Status::would_block);
        EXPECT_EQ(rw.read_lock(within(500)), Status::timeout);
        EXPECT_EQ(rw.try_write_lock(), Status::would_block);
        EXPECT_EQ(rw.write_lock(within(2000)), Status::ok);
        EXPECT_EQ(t(), 1000u);
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    go(writer);
    go(reader);
    EXPECT_EQ(run(), Status::ok);
}

TEST_F(Sync, RwLockUpgradeThatTimesOutHoldsNothing) {
    RwLock rw;
    Body other = [&] {
        EXPECT_EQ(rw.read_lock(), Status::ok);
        sleep_for(1000);
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    Body upgrader = [&] {
        EXPECT_EQ(rw.read_lock(), Status::ok);
        EXPECT_EQ(rw.upgrade(within(100)), Status::timeout);
        EXPECT_EQ(rw.readers(), 1);  // only the other reader is left
        EXPECT_FALSE(rw.write_locked());
    };
    go(other);
    go(upgrader);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(rw.readers(), 0);
}

TEST_F(Sync, WaitQueueWaitTimesOutAndLeavesTheQueue) {
    WaitQueue q;
    Body waiter = [&] {
        EXPECT_EQ(q.wait(within(40)), Status::timeout);
        EXPECT_EQ(t(), 40u);
        EXPECT_TRUE(q.empty());
        EXPECT_EQ(q.wait(within(40)), Status::ok);  // woken this time
        EXPECT_EQ(t(), 50u);
    };
    Body waker = [&] {
        sleep_for(50);
        EXPECT_TRUE(q.wake_one());
    };
    go(waiter);
    go(waker);
    EXPECT_EQ(run(), Status::ok);
}

// Many coroutines hammer one mutex; each gets it in turn, round after round.
TEST_F(Sync, FifoFairnessUnderContention) {
    Trace trace;
    Mutex m;
    int inside = 0;
    Body worker = [&] {
        for (int round = 0; round < 3; ++round) {
            ASSERT_EQ(m.lock(), Status::ok);
            EXPECT_EQ(++inside, 1);
            trace(me());
            yield();
            --inside;
            ASSERT_EQ(m.unlock(), Status::ok);
        }
    };
    for (const char* n : {"a", "b", "c", "d"}) go(worker, n);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"a", "b", "c", "d", "a", "b", "c", "d", "a", "b", "c", "d"}));
}

using SyncDeathTest = Sync;

TEST_F(SyncDeathTest, BlockingCallsFromAnInterruptHandler) {
    static Mutex m;
    static Semaphore sem;
    port_host_irq_attach(1, [](void*) { (void)m.lock(); }, nullptr);
    port_host_irq_attach(2, [](void*) { (void)sem.take(); }, nullptr);
    EXPECT_DEATH(port_host_irq_raise(1), "Mutex::lock\\(\\) called outside a coroutine or from an interrupt handler");
    EXPECT_DEATH(port_host_irq_raise(2), "Semaphore::take\\(\\) called outside a coroutine or from an interrupt handler");
}

TEST_F(SyncDeathTest, BlockingCallsOutsideACoroutine) {
    Event ev;
    RwLock rw;
    EXPECT_DEATH((void)ev.wait(), "Event::wait\\(\\) called outside a coroutine");
    EXPECT_DEATH((void)rw.read_lock(), "RwLock::read_lock\\(\\) called outside a coroutine");
}

// The 32-bit goals are asserted in the headers; on the 64-bit host, pointers double them.
static_assert(sizeof(Mutex) <= 24 && sizeof(Semaphore) <= 24 && sizeof(Event) <= 24 && sizeof(RwLock) <= 24);

}  // namespace
