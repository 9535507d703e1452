// Mutex, semaphore, event and readers-writer lock: every path, timeouts, FIFO fairness.
#include <chrono>

#include "kernel_test.h"

using namespace weft;
using namespace weft::test;
using namespace std::chrono_literals;

namespace {

class Sync : public PoolTest {
protected:
    Sync() : PoolTest(pool) {}
};

TEST_F(Sync, MutexHandsOffInArrivalOrderWithoutBarging) {
    Trace trace;
    Mutex m;
    auto holder = [&] {
        ASSERT_EQ(m.lock(), Status::ok);
        trace("holder has it");
        yield();  // let the others queue up
        EXPECT_EQ(m.unlock(), Status::ok);
        // Handed to the first waiter: though still running, the old owner cannot take it back.
        EXPECT_EQ(m.try_lock(), Status::would_block);
        EXPECT_STREQ(name(m.owner()), "c1");
        trace("holder released");
    };
    auto contender = [&] {
        ASSERT_EQ(m.lock(), Status::ok);
        trace(me(), " has it");
        yield();
        EXPECT_EQ(m.unlock(), Status::ok);
    };
    go(holder, "holder");
    go(contender, "c1");
    go(contender, "c2");
    go(contender, "c3");
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("holder has it", "holder released", "c1 has it", "c2 has it", "c3 has it"));
    EXPECT_EQ(m.owner(), nullptr);
}

TEST_F(Sync, MutexDetectsRecursionAndForeignUnlock) {
    Mutex m;
    auto a = [&] {
        EXPECT_EQ(m.lock(), Status::ok);
        EXPECT_EQ(m.lock(), Status::deadlock);
        EXPECT_EQ(m.try_lock(), Status::deadlock);
        yield();
        EXPECT_EQ(m.unlock(), Status::ok);
        EXPECT_EQ(m.unlock(), Status::not_owner);  // no longer held
    };
    auto b = [&] {
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
    auto holder = [&] {
        ASSERT_EQ(m.lock(), Status::ok);
        sleep_for(5ms);
        EXPECT_EQ(m.unlock(), Status::ok);
        trace("released");
    };
    auto impatient = [&] {
        EXPECT_EQ(m.lock(1ms), Status::timeout);
        EXPECT_TICKS(elapsed(), to_ticks(1ms));
        trace("gave up");
    };
    auto patient = [&] {
        EXPECT_EQ(m.lock(50ms), Status::ok);
        EXPECT_TICKS(elapsed(), to_ticks(5ms));
        trace("got it");
        EXPECT_EQ(m.unlock(), Status::ok);
    };
    go(holder);
    go(impatient);
    go(patient);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("gave up", "released", "got it"));
}

TEST_F(Sync, MutexHeldAcrossASleep) {
    Trace trace;
    Mutex m;
    auto a = [&] {
        LockGuard guard(m);
        ASSERT_TRUE(guard.locked());
        trace("a sleeps holding it");
        sleep_for(1ms);
        trace("a wakes");
    };
    auto b = [&] {
        LockGuard guard(m);
        EXPECT_TICKS(elapsed(), to_ticks(1ms));
        trace("b has it");
    };
    go(a);
    go(b);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("a sleeps holding it", "a wakes", "b has it"));
}

TEST_F(Sync, SemaphoreCountsAndHandsUnitsToWaitersInOrder) {
    Trace trace;
    Semaphore sem(2);
    auto taker = [&] {
        EXPECT_EQ(sem.take(), Status::ok);
        trace(me());
    };
    auto giver = [&] {
        EXPECT_EQ(sem.count(), 0u);
        for (int i = 0; i < 3; ++i) EXPECT_EQ(sem.give(), Status::ok);
        EXPECT_EQ(sem.count(), 1u);  // two went straight to waiters
        trace("gave 3");
    };
    const char* const names[] = {"t1", "t2", "t3", "t4"};
    for (const char* n : names) go(taker, n);
    go(giver, "giver");
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("t1", "t2", "gave 3", "t3", "t4"));
    EXPECT_EQ(sem.count(), 1u);
}

// Untimed takers are woken by unlinking alone, timed ones through the general path that also
// stops their timer: mixed in one queue, they keep arrival order and the timers stay quiet.
TEST_F(Sync, SemaphoreWakesTimedAndUntimedTakersInArrivalOrder) {
    Trace trace;
    Semaphore sem;
    auto untimed = [&] {
        EXPECT_EQ(sem.take(), Status::ok);
        trace(me());
    };
    auto timed = [&] {
        EXPECT_EQ(sem.take(5ms), Status::ok);
        trace(me());
    };
    auto giver = [&] {
        for (int i = 0; i < 4; ++i) EXPECT_EQ(sem.give(), Status::ok);
        trace("gave 4");
        sleep_for(10ms);  // past every timeout: none may fire now
        trace("slept");
    };
    go(untimed, "u1");
    go(timed, "t1");
    go(untimed, "u2");
    go(timed, "t2");
    go(giver, "giver");
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("gave 4", "u1", "t1", "u2", "t2", "slept"));
    EXPECT_EQ(sem.count(), 0u);
}

TEST_F(Sync, SemaphoreTryTimeoutAndOverflow) {
    Semaphore sem(UINT32_MAX - 1);
    EXPECT_EQ(sem.give(), Status::ok);
    EXPECT_EQ(sem.give(), Status::exhausted);
    EXPECT_EQ(sem.count(), UINT32_MAX);
    Semaphore empty;
    EXPECT_EQ(empty.try_take(), Status::would_block);
    auto waiter = [&] {
        EXPECT_EQ(empty.take(2ms), Status::timeout);
        EXPECT_TICKS(elapsed(), to_ticks(2ms));
        Tick before = now();
        EXPECT_EQ(empty.take(until(0)), Status::timeout);  // a deadline already past: no wait
        EXPECT_LT(now() - before, to_ticks(1ms));
    };
    go(waiter);
    EXPECT_EQ(run(), Status::ok);
}

TEST_F(Sync, ManualResetEventWakesEveryoneAndStaysSet) {
    Trace trace;
    Event ev;
    auto waiter = [&] {
        EXPECT_EQ(ev.wait(), Status::ok);
        trace(me());
    };
    auto setter = [&] {
        ev.set();
        trace("set");
    };
    go(waiter, "w1");
    go(waiter, "w2");
    go(setter, "setter");
    go(waiter, "w3");  // arrives after the set: passes straight through
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("set", "w3", "w1", "w2"));
    EXPECT_TRUE(ev.is_set());
    ev.clear();
    EXPECT_FALSE(ev.is_set());
    EXPECT_EQ(ev.try_wait(), Status::would_block);
}

TEST_F(Sync, AutoResetEventWakesOneAndIsConsumed) {
    Trace trace;
    Event ev(true);
    auto waiter = [&] {
        bool last = strcmp(me(), "w3") == 0;
        EXPECT_EQ(ev.wait(1ms), last ? Status::timeout : Status::ok);
        trace(me());
    };
    auto setter = [&] {
        ev.set();
        ev.set();  // two sets, two waiters woken
        trace("set twice");
    };
    go(waiter, "w1");
    go(waiter, "w2");
    go(waiter, "w3");
    go(setter, "setter");
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("set twice", "w1", "w2", "w3"));
    EXPECT_FALSE(ev.is_set());
    ev.set();  // nobody waits: it stays set for the next one
    EXPECT_EQ(ev.try_wait(), Status::ok);
    EXPECT_EQ(ev.try_wait(), Status::would_block);
}

const char* const counts[] = {"0", "1", "2", "3"};

TEST_F(Sync, RwLockReadersShareWritersExclude) {
    Trace trace;
    RwLock rw;
    auto reader = [&] {
        EXPECT_EQ(rw.read_lock(), Status::ok);
        trace(me(), " reads with ", counts[rw.readers()]);
        yield();
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    auto writer = [&] {
        EXPECT_EQ(rw.write_lock(), Status::ok);
        EXPECT_TRUE(rw.write_locked());
        trace(me(), " writes");
        yield();
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    go(reader, "r1");
    go(reader, "r2");
    go(writer, "w");
    go(reader, "r3");  // queues behind the waiting writer: no writer starvation
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("r1 reads with 1", "r2 reads with 2", "w writes", "r3 reads with 1"));
    EXPECT_EQ(rw.unlock(), Status::not_owner);
}

TEST_F(Sync, RwLockUpgradeAndDowngrade) {
    Trace trace;
    RwLock rw;
    auto solo = [&] {
        EXPECT_EQ(rw.read_lock(), Status::ok);
        EXPECT_EQ(rw.try_upgrade(), Status::ok);  // the only reader, nobody waiting: at once
        EXPECT_TRUE(rw.write_locked());
        trace("solo upgraded");
        yield();         // r queues
        rw.downgrade();  // lets the queued reader in alongside
        trace("solo downgraded, ", counts[rw.readers()]);
        yield();
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    auto r = [&] {
        EXPECT_EQ(rw.read_lock(), Status::ok);
        trace("r reads with ", counts[rw.readers()]);
        EXPECT_EQ(rw.try_upgrade(), Status::would_block);  // another reader holds it
        EXPECT_EQ(rw.upgrade(), Status::ok);  // gives up its read lock, waits for solo to leave
        trace("r upgraded");
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    go(solo, "solo");
    go(r, "r");
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("solo upgraded", "solo downgraded, 2", "r reads with 2", "r upgraded"));
    EXPECT_FALSE(rw.write_locked());
    EXPECT_EQ(rw.readers(), 0);
}

TEST_F(Sync, RwLockTimeouts) {
    RwLock rw;
    auto writer = [&] {
        EXPECT_EQ(rw.write_lock(), Status::ok);
        sleep_for(2ms);
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    auto reader = [&] {
        EXPECT_EQ(rw.try_read_lock(), Status::would_block);
        EXPECT_EQ(rw.read_lock(1ms), Status::timeout);
        EXPECT_EQ(rw.try_write_lock(), Status::would_block);
        EXPECT_EQ(rw.write_lock(50ms), Status::ok);
        EXPECT_TICKS(elapsed(), to_ticks(2ms));
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    go(writer);
    go(reader);
    EXPECT_EQ(run(), Status::ok);
}

// A writer that gives up at the front of the queue lets the readers behind it in at once, on its
// timeout's tick: only readers hold the lock then, so they no longer wait for its unlock.
TEST_F(Sync, RwLockReadersBehindAWriterThatGivesUpEnterAtItsTimeout) {
    RwLock rw;
    auto holder = [&] {
        EXPECT_EQ(rw.read_lock(), Status::ok);
        sleep_for(5ms);
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    auto writer = [&] { EXPECT_EQ(rw.write_lock(1ms), Status::timeout); };
    auto reader = [&] {
        EXPECT_EQ(rw.try_read_lock(), Status::would_block);  // behind the waiting writer
        EXPECT_EQ(rw.read_lock(), Status::ok);
        EXPECT_TICKS(elapsed(), to_ticks(1ms));
        EXPECT_EQ(rw.readers(), 2);
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    go(holder);
    go(writer);
    go(reader);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(rw.readers(), 0);
}

TEST_F(Sync, RwLockUpgradeThatTimesOutHoldsNothing) {
    RwLock rw;
    auto other = [&] {
        EXPECT_EQ(rw.read_lock(), Status::ok);
        sleep_for(5ms);
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    auto upgrader = [&] {
        EXPECT_EQ(rw.read_lock(), Status::ok);
        EXPECT_EQ(rw.upgrade(1ms), Status::timeout);
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
    auto waiter = [&] {
        EXPECT_EQ(q.wait(1ms), Status::timeout);
        EXPECT_TICKS(elapsed(), to_ticks(1ms));
        EXPECT_TRUE(q.empty());
        EXPECT_EQ(q.wait(50ms), Status::ok);  // woken this time
    };
    auto waker = [&] {
        sleep_for(2ms);
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
    auto worker = [&] {
        for (int round = 0; round < 3; ++round) {
            ASSERT_EQ(m.lock(), Status::ok);
            EXPECT_EQ(++inside, 1);
            trace(me());
            yield();
            --inside;
            ASSERT_EQ(m.unlock(), Status::ok);
        }
    };
    const char* const names[] = {"a", "b", "c", "d"};
    for (const char* n : names) go(worker, n);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("a", "b", "c", "d", "a", "b", "c", "d", "a", "b", "c", "d"));
}

}  // namespace
