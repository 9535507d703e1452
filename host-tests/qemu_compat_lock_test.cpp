// The QEMU compatibility layer's locks: CoMutex hand-off, QemuLockable, locks_held and CoRwlock,
// after QEMU's tests/unit/test-coroutine.c.
#include <string>

#include "qemu/osdep.h"
#include "qemu/coroutine.h"
#include "qemu/coroutine_int.h"
#include "qemu/lockable.h"
#include "qemu_fixture.h"
#include "trace.h"

using namespace qemu_test;
using weft::host_test::Events;
using weft::host_test::Trace;

namespace {

// QEMU's /locking/co-mutex, as a function of the entry so the lockable variant can share it.
bool locked;
int done;

void coroutine_fn mutex_fn(void* opaque) {
    CoMutex* m = static_cast<CoMutex*>(opaque);
    qemu_co_mutex_lock(m);
    EXPECT_FALSE(locked);
    locked = true;
    qemu_coroutine_yield();
    locked = false;
    qemu_co_mutex_unlock(m);
    done++;
}

void coroutine_fn lockable_fn(void* opaque) {
    QemuLockable* x = static_cast<QemuLockable*>(opaque);
    qemu_lockable_lock(x);
    EXPECT_FALSE(locked);
    locked = true;
    qemu_coroutine_yield();
    locked = false;
    qemu_lockable_unlock(x);
    done++;
}

void do_test_co_mutex(CoroutineEntry* entry, void* opaque) {
    Coroutine* c1 = qemu_coroutine_create(entry, opaque);
    Coroutine* c2 = qemu_coroutine_create(entry, opaque);
    done = 0;
    qemu_coroutine_enter(c1);
    EXPECT_TRUE(locked);
    qemu_coroutine_enter(c2);
    // c1's unlock hands the mutex to c2, which runs as soon as c1 terminates.
    qemu_coroutine_enter(c1);
    EXPECT_EQ(done, 1);
    EXPECT_TRUE(locked);
    qemu_coroutine_enter(c2);
    EXPECT_EQ(done, 2);
    EXPECT_FALSE(locked);
}

TEST_F(Qemu, CoMutex) {
    CoMutex m;
    qemu_co_mutex_init(&m);
    do_test_co_mutex(mutex_fn, &m);
}

TEST_F(Qemu, CoMutexThroughALockable) {
    CoMutex m;
    CoMutex* null_pointer = NULL;
    qemu_co_mutex_init(&m);
    do_test_co_mutex(lockable_fn, QEMU_MAKE_LOCKABLE(&m));
    EXPECT_EQ(QEMU_MAKE_LOCKABLE(null_pointer), nullptr);
    EXPECT_EQ(QEMU_MAKE_LOCKABLE(NULL), nullptr);
    QemuLockable* lockable = QEMU_MAKE_LOCKABLE(&m);
    EXPECT_EQ(QEMU_MAKE_LOCKABLE(lockable), lockable);
    EXPECT_EQ(lockable->object, &m);
}

// Unlock hands the mutex to the longest waiter; even the unlocker cannot take it back first.
TEST_F(Qemu, CoMutexHandsOffInArrivalOrder) {
    Trace trace;
    CoMutex m = {};
    Body holder = [&] {
        qemu_co_mutex_lock(&m);
        trace("h has it");
        qemu_coroutine_yield();
        qemu_co_mutex_unlock(&m);
        trace("h unlocked");
        qemu_co_mutex_lock(&m);
        trace("h has it again");
        qemu_co_mutex_unlock(&m);
    };
    Body c1 = [&] { trace("c1 waits"); qemu_co_mutex_lock(&m); trace("c1 has it"); qemu_co_mutex_unlock(&m); };
    Body c2 = [&] { trace("c2 waits"); qemu_co_mutex_lock(&m); trace("c2 has it"); qemu_co_mutex_unlock(&m); };
    Body c3 = [&] { trace("c3 waits"); qemu_co_mutex_lock(&m); trace("c3 has it"); qemu_co_mutex_unlock(&m); };
    Coroutine* h = make(holder);
    qemu_coroutine_enter(h);
    for (Body* body : {&c1, &c2, &c3}) qemu_coroutine_enter(make(*body));
    EXPECT_EQ(m.locked, 4u);
    qemu_coroutine_enter(h);  // everything runs to the end before this returns
    EXPECT_EQ(trace.events(), (Events{"h has it", "c1 waits", "c2 waits", "c3 waits", "h unlocked", "c1 has it",
                                      "c2 has it", "c3 has it", "h has it again"}));
    EXPECT_EQ(m.locked, 0u);
}

TEST_F(Qemu, LocksHeldCountsEveryHold) {
    Trace trace;
    CoMutex m1 = {}, m2 = {};
    CoRwlock rw;
    qemu_co_rwlock_init(&rw);
    Body body = [&] {
        Coroutine* self = qemu_coroutine_self();
        auto held = [&] { trace(std::to_string(self->locks_held)); };
        qemu_co_mutex_lock(&m1);
        held();
        qemu_co_mutex_lock(&m2);
        held();
        qemu_co_mutex_unlock(&m2);
        qemu_co_mutex_unlock(&m1);
        held();
        qemu_co_rwlock_rdlock(&rw);
        held();
        qemu_co_rwlock_upgrade(&rw);
        held();
        qemu_co_rwlock_downgrade(&rw);
        held();
        qemu_co_rwlock_unlock(&rw);
        held();
        qemu_co_rwlock_wrlock(&rw);
        held();
        qemu_co_rwlock_unlock(&rw);
        held();
    };
    qemu_coroutine_enter(make(body));
    EXPECT_EQ(trace.events(), (Events{"1", "2", "0", "1", "1", "1", "0", "1", "0"}));
}

CoRwlock rwlock;

// QEMU's /locking/co-rwlock/upgrade: a sole reader still queues behind a waiting writer.
TEST_F(Qemu, RwlockUpgradeQueuesBehindAWaitingWriter) {
    Trace trace;
    qemu_co_rwlock_init(&rwlock);
    Body c1_body = [&] {
        qemu_co_rwlock_rdlock(&rwlock);
        qemu_coroutine_yield();
        qemu_co_rwlock_upgrade(&rwlock);
        trace("c1 writes");
        qemu_co_rwlock_unlock(&rwlock);
    };
    Body c2_body = [&] {
        qemu_co_rwlock_wrlock(&rwlock);
        trace("c2 writes");
        qemu_coroutine_yield();
        qemu_co_rwlock_unlock(&rwlock);
        trace("c2 done");
    };
    Coroutine* c1 = make(c1_body);
    Coroutine* c2 = make(c2_body);
    qemu_coroutine_enter(c1);
    qemu_coroutine_enter(c2);  // queued: c1 reads
    qemu_coroutine_enter(c1);  // upgrade lets c2 in first, then waits
    EXPECT_EQ(trace.events(), (Events{"c2 writes"}));
    qemu_coroutine_enter(c2);
    EXPECT_EQ(trace.events(), (Events{"c2 writes", "c2 done", "c1 writes"}));
}

TEST_F(Qemu, RwlockUpgradeOfASoleReaderIsImmediate) {
    Trace trace;
    qemu_co_rwlock_init(&rwlock);
    Body body = [&] {
        qemu_co_rwlock_rdlock(&rwlock);
        qemu_co_rwlock_upgrade(&rwlock);
        trace(rwlock.owners == -1 ? "writer at once" : "?");
        qemu_co_rwlock_unlock(&rwlock);
    };
    qemu_coroutine_enter(make(body));
    trace("caller resumes");
    EXPECT_EQ(trace.events(), (Events{"writer at once", "caller resumes"}));
}

// QEMU's /locking/co-rwlock/downgrade: readers queued behind a downgrading writer get in; the
// writer queued behind them waits for all of them.
TEST_F(Qemu, RwlockDowngradeLetsQueuedReadersIn) {
    Trace trace;
    qemu_co_rwlock_init(&rwlock);
    Body c1_body = [&] {
        qemu_co_rwlock_rdlock(&rwlock);
        qemu_coroutine_yield();
        qemu_co_rwlock_unlock(&rwlock);
        trace("c1 unlocked");
        qemu_coroutine_yield();
        trace("c1 done");
    };
    Body c2_body = [&] {
        qemu_co_rwlock_wrlock(&rwlock);
        trace("c2 writes");
        qemu_co_rwlock_downgrade(&rwlock);
        trace("c2 reads");
        qemu_co_rwlock_unlock(&rwlock);
    };
    Body c3_body = [&] {
        qemu_co_rwlock_rdlock(&rwlock);
        trace("c3 reads");
        qemu_co_rwlock_unlock(&rwlock);
    };
    Body c4_body = [&] {
        qemu_co_rwlock_wrlock(&rwlock);
        trace("c4 writes");
        qemu_co_rwlock_unlock(&rwlock);
    };
    Coroutine* c1 = make(c1_body);
    for (Coroutine* co : {c1, make(c2_body), make(c3_body), make(c4_body)}) qemu_coroutine_enter(co);
    EXPECT_TRUE(trace.events().empty());
    qemu_coroutine_enter(c1);
    EXPECT_EQ(trace.events(), (Events{"c1 unlocked", "c2 writes", "c2 reads", "c3 reads", "c4 writes"}));
    qemu_coroutine_enter(c1);
}

// A reader that arrives while a writer waits lines up behind it, though only readers hold the lock.
TEST_F(Qemu, RwlockWritersDoNotStarve) {
    Trace trace;
    qemu_co_rwlock_init(&rwlock);
    Body r1_body = [&] {
        qemu_co_rwlock_rdlock(&rwlock);
        trace("r1 reads");
        qemu_coroutine_yield();
        qemu_co_rwlock_unlock(&rwlock);
    };
    Body w_body = [&] {
        qemu_co_rwlock_wrlock(&rwlock);
        trace("w writes");
        qemu_co_rwlock_unlock(&rwlock);
    };
    Body r2_body = [&] {
        qemu_co_rwlock_rdlock(&rwlock);
        trace("r2 reads");
        qemu_co_rwlock_unlock(&rwlock);
    };
    Coroutine* r1 = make(r1_body);
    for (Coroutine* co : {r1, make(w_body), make(r2_body)}) qemu_coroutine_enter(co);
    EXPECT_EQ(trace.events(), (Events{"r1 reads"}));
    qemu_coroutine_enter(r1);
    EXPECT_EQ(trace.events(), (Events{"r1 reads", "w writes", "r2 reads"}));
}

TEST_F(Qemu, RwlockReadersQueuedTogetherGetInTogether) {
    Trace trace;
    qemu_co_rwlock_init(&rwlock);
    Body w1_body = [&] {
        qemu_co_rwlock_wrlock(&rwlock);
        qemu_coroutine_yield();
        qemu_co_rwlock_unlock(&rwlock);
    };
    auto reader = [&](const char* name) {
        return Body([&trace, name] {
            qemu_co_rwlock_rdlock(&rwlock);
            trace(std::string(name) + " reads with " + std::to_string(rwlock.owners));
            qemu_coroutine_yield();
            qemu_co_rwlock_unlock(&rwlock);
        });
    };
    Body r1_body = reader("r1"), r2_body = reader("r2");
    Body w2_body = [&] {
        qemu_co_rwlock_wrlock(&rwlock);
        trace("w2 writes");
        qemu_co_rwlock_unlock(&rwlock);
    };
    Coroutine* w1 = make(w1_body);
    Coroutine* r1 = make(r1_body);
    Coroutine* r2 = make(r2_body);
    for (Coroutine* co : {w1, r1, r2, make(w2_body)}) qemu_coroutine_enter(co);
    qemu_coroutine_enter(w1);
    EXPECT_EQ(trace.events(), (Events{"r1 reads with 2", "r2 reads with 2"}));
    qemu_coroutine_enter(r1);
    qemu_coroutine_enter(r2);
    EXPECT_EQ(trace.events(), (Events{"r1 reads with 2", "r2 reads with 2", "w2 writes"}));
}

TEST_F(QemuDeathTest, TerminatingWithALockHeld) {
    EXPECT_DEATH(
        {
            CoMutex m = {};
            Body body = [&] { qemu_co_mutex_lock(&m); };
            qemu_coroutine_enter(make(body));
        },
        "terminated holding 1 lock");
}

TEST_F(QemuDeathTest, UnlockingAMutexNotHeld) {
    EXPECT_DEATH(
        {
            CoMutex m = {};
            Body body = [&] { qemu_co_mutex_unlock(&m); };
            qemu_coroutine_enter(make(body));
        },
        "qemu_co_mutex_unlock: the CoMutex is not locked");
}

TEST_F(QemuDeathTest, LockingAMutexTwice) {
    EXPECT_DEATH(
        {
            CoMutex m = {};
            Body body = [&] {
                qemu_co_mutex_lock(&m);
                qemu_co_mutex_lock(&m);
            };
            qemu_coroutine_enter(make(body));
        },
        "already holds this CoMutex");
}

}  // namespace
