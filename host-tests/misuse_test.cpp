// Misuse is a programming error: each stops the system with a message naming the problem and the
// coroutine. Host only: each case dies in a child process (GoogleTest death tests).
#include <functional>

#include "harness.h"

using namespace weft;
using namespace weft::test;

namespace {

WEFT_POOL_STATIC(pool, 4, 65536);
WEFT_POOL_STATIC(pair, 2, 65536);

Coroutine* make(Body& body, const char* name = nullptr) {
    Result<Coroutine*> co = create(pool, run_body, &body, name);
    EXPECT_TRUE(co.ok());
    return *co;
}

class Misuse : public KernelTest {
protected:
    Misuse() : KernelTest(pool) {}
};

using MisuseDeathTest = Misuse;

TEST_F(MisuseDeathTest, EnteringATerminatedCoroutine) {
    Body body = [] {};
    Coroutine* co = make(body, "done");
    enter(co);
    EXPECT_DEATH(enter(co), "enter\\(\\): the coroutine has terminated.*'done' in pool 'pool'");
}

TEST_F(MisuseDeathTest, EnteringItself) {
    Body body = [] { enter(self()); };
    Coroutine* co = make(body, "selfish");
    EXPECT_DEATH(enter(co), "already running.*'selfish'");
    body = [] {};  // only the child ran the bad body; finish this one cleanly
    enter(co);
}

TEST_F(MisuseDeathTest, AScheduledCoroutineEnteringItself) {
    Body body = [] { enter(self()); };
    Result<Coroutine*> co = spawn(pool, run_body, &body, "selfish");
    ASSERT_TRUE(co.ok());
    EXPECT_DEATH((void)run(), "already running.*'selfish'");
    body = [] {};  // only the child ran the bad body; finish this one cleanly
    EXPECT_EQ(run(), Status::ok);
}

TEST_F(MisuseDeathTest, EnteringACallerInTheChain) {
    Coroutine* outer = nullptr;
    Body inner_body = [&] { enter(outer); };
    Body outer_body = [&] {
        Coroutine* inner = make(inner_body, "inner");
        enter(inner);
    };
    outer = make(outer_body, "outer");
    EXPECT_DEATH(enter(outer), "already running.*'outer'");
    // Only the child ran it: here `outer` is still suspended and holds no slot of `inner` yet.
    Body nothing = [] {};
    outer_body = nothing;
    enter(outer);
}

TEST_F(MisuseDeathTest, YieldOutsideACoroutine) {
    EXPECT_DEATH(yield(), "yield\\(\\) called outside a coroutine");
}

TEST_F(MisuseDeathTest, EnteringAScheduledCoroutine) {
    Body body = [] {};
    Result<Coroutine*> co = spawn(pool, run_body, &body, "queued");
    ASSERT_TRUE(co.ok());
    EXPECT_DEATH(enter(*co), "belongs to the scheduler.*'queued'");
    EXPECT_EQ(run(), Status::ok);
}

TEST_F(MisuseDeathTest, WaitingOutsideACoroutine) {
    WaitQueue q;
    EXPECT_DEATH(q.wait(), "wait\\(\\) called outside a coroutine");
}

// Recurses until the frames reach past the stack's limit by a bounded amount: a real overflow
// that runs into the neighbouring slot, which the canary must catch at the next switch.
[[gnu::noinline]] void dig(unsigned char* limit) {
    volatile unsigned char frame[256];
    for (auto& b : frame) b = 0x5A;
    if (reinterpret_cast<uintptr_t>(&frame[0]) > reinterpret_cast<uintptr_t>(limit) - 512) dig(limit);
    frame[0] = frame[0];
}

TEST_F(MisuseDeathTest, StackOverflowIsCaughtByTheCanary) {
    EXPECT_DEATH(
        {
            // A fresh pool hands out slot 0 then slot 1: the neighbour's stack lies just below.
            Body idle = [] { yield(); };
            Body deep = [] {
                dig(static_cast<unsigned char*>(self()->stack));
                yield();
            };
            Coroutine* neighbour = *create(pair, run_body, &idle, "neighbour");
            Coroutine* victim = *create(pair, run_body, &deep, "deep");
            ASSERT_LT(neighbour->stack, victim->stack);
            enter(neighbour);
            enter(victim);
        },
        "stack overflow.*'deep' in pool 'pair'");
}

TEST_F(MisuseDeathTest, RunInsideACoroutine) {
    Body body = [] { (void)run(); };
    Result<Coroutine*> co = create(pool, run_body, &body, "nested-run");
    ASSERT_TRUE(co.ok());
    EXPECT_DEATH(enter(*co), "run\\(\\) called from inside a coroutine.*'nested-run'");
    body = [] {};
    enter(*co);
}

TEST_F(MisuseDeathTest, WaitingFromAnInterruptHandler) {
    WaitQueue q;
    port_host_irq_attach(7, [](void* p) { static_cast<WaitQueue*>(p)->wait(); }, &q);
    EXPECT_DEATH(port_host_irq_raise(7), "wait\\(\\) called outside a coroutine or from an interrupt handler");
}

TEST_F(MisuseDeathTest, AnInterruptWithNoHandler) {
    EXPECT_DEATH(port_host_irq_raise(9), "interrupt line 9 raised with no handler");
}

TEST_F(MisuseDeathTest, BlockingCallsFromAnInterruptHandler) {
    static Mutex m;
    static Semaphore sem;
    port_host_irq_attach(1, [](void*) { (void)m.lock(); }, nullptr);
    port_host_irq_attach(2, [](void*) { (void)sem.take(); }, nullptr);
    EXPECT_DEATH(port_host_irq_raise(1), "Mutex::lock\\(\\) called outside a coroutine or from an interrupt handler");
    EXPECT_DEATH(port_host_irq_raise(2), "Semaphore::take\\(\\) called outside a coroutine or from an interrupt handler");
}

TEST_F(MisuseDeathTest, BlockingCallsOutsideACoroutine) {
    Event ev;
    RwLock rw;
    EXPECT_DEATH((void)ev.wait(), "Event::wait\\(\\) called outside a coroutine");
    EXPECT_DEATH((void)rw.read_lock(), "RwLock::read_lock\\(\\) called outside a coroutine");
}

TEST_F(MisuseDeathTest, BlockingSendFromAnInterruptHandler) {
    static Channel<int, 1> ch;
    port_host_irq_attach(3, [](void*) { (void)ch.send(1); }, nullptr);
    EXPECT_DEATH(port_host_irq_raise(3), "Channel::send\\(\\) called outside a coroutine or from an interrupt handler");
}

TEST_F(MisuseDeathTest, SleepingFromAnInterruptHandler) {
    port_host_irq_attach(8, [](void*) { sleep_for(1000); }, nullptr);
    EXPECT_DEATH(port_host_irq_raise(8), "sleep_until\\(\\) called outside a coroutine or from an interrupt handler");
}

// Waiting with interrupts masked would never end (the wake-up is an interrupt) and would hand the
// CPU on masked: caught when the call would wait, with the call and the coroutine named. Each case
// makes its call wait: the resource is taken first where it would be free.
TEST_F(MisuseDeathTest, BlockingCallsWithInterruptsMasked) {
    static Semaphore sem;
    static Event ev;
    static WaitQueue q;
    static RwLock rw;
    static Channel<int, 1> ch;
    using Call = void (*)();
    struct Case {
        Call call;
        const char* message;
    };
    static const Case cases[] = {
        {[] { (void)sem.take(); }, "Semaphore::take\\(\\) called with interrupts masked.*'masked'"},
        {[] { (void)sem.take(within(10)); }, "Semaphore::take\\(\\) called with interrupts masked"},
        {[] { (void)ev.wait(); }, "Event::wait\\(\\) called with interrupts masked"},
        {[] { (void)q.wait(); }, "WaitQueue::wait\\(\\) called with interrupts masked"},
        {[] { sleep_for(10); }, "sleep_until\\(\\) called with interrupts masked"},
        {[] {
             (void)rw.try_write_lock();
             (void)rw.read_lock();
         },
         "RwLock::read_lock\\(\\) called with interrupts masked"},
        {[] {
             (void)rw.try_read_lock();
             (void)rw.write_lock();
         },
         "RwLock::write_lock\\(\\) called with interrupts masked"},
        {[] { int x = 0; (void)ch.receive(x); }, "Channel::receive\\(\\) called with interrupts masked"},
        {[] {
             (void)ch.try_send(0);
             (void)ch.send(1);
         },
         "Channel::send\\(\\) called with interrupts masked"},
        {[] { (void)wait_any(forever, on(ev), on(sem)); }, "wait_any\\(\\) called with interrupts masked"},
    };
    for (const Case& c : cases) {
        Body body = [&] {
            port_irq_state s = port_irq_save();
            c.call();
            port_irq_restore(s);
        };
        Result<Coroutine*> co = spawn(pool, run_body, &body, "masked");
        ASSERT_TRUE(co.ok());
        EXPECT_DEATH((void)run(), c.message);
        body = [] {};  // only the child ran the bad body; finish this one cleanly
        EXPECT_EQ(run(), Status::ok);
    }
}

TEST_F(MisuseDeathTest, LockingAHeldMutexWithInterruptsMasked) {
    static Mutex m;
    Body holder = [] {
        (void)m.lock();
        yield();
        (void)m.unlock();
    };
    Body locker = [] {
        port_irq_state s = port_irq_save();
        (void)m.lock();
        port_irq_restore(s);
    };
    go(holder, "holder");
    go(locker, "locker");
    EXPECT_DEATH((void)run(), "Mutex::lock\\(\\) called with interrupts masked.*'locker'");
    locker = [] {};  // only the child ran the bad body; finish this one cleanly
    EXPECT_EQ(run(), Status::ok);
}

// A coroutine that ends (or yields) with interrupts masked leaves them so for whatever runs next;
// when nothing is ready and some coroutine waits, run() would sleep with no interrupt to wake it.
TEST_F(MisuseDeathTest, EndingWithInterruptsMaskedWhileOthersWait) {
    static Event never;
    Body waiter = [] { (void)never.wait(); };
    Body leaver = [] { (void)port_irq_save(); };
    go(waiter, "waiter");
    go(leaver, "leaver");
    EXPECT_DEATH((void)run(), "run\\(\\): every coroutine waits, and interrupts are masked");
    leaver = [] {};
    never.set();
    EXPECT_EQ(run(), Status::ok);
}

// A try_ call never blocks, so it is fine with interrupts masked.
TEST_F(Misuse, TryCallsWithInterruptsMasked) {
    Mutex m;
    RwLock rw;
    Semaphore sem;
    Body body = [&] {
        port_irq_state s = port_irq_save();
        EXPECT_EQ(m.try_lock(), Status::ok);
        EXPECT_EQ(rw.try_read_lock(), Status::ok);
        EXPECT_EQ(rw.try_upgrade(), Status::ok);
        EXPECT_EQ(sem.try_take(), Status::would_block);
        port_irq_restore(s);
        EXPECT_EQ(m.unlock(), Status::ok);
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    go(body);
    EXPECT_EQ(run(), Status::ok);
}

// The write lock is its holder's: downgrading it without holding it, or upgrading without a read
// lock, is caught; unlocking another coroutine's write lock is refused.
TEST_F(MisuseDeathTest, RwLockUpgradeAndDowngradeWithoutTheLock) {
    static RwLock rw;
    using Call = void (*)();
    struct Case {
        Call call;
        const char* message;
    };
    static const Case cases[] = {
        {[] { rw.downgrade(); }, "RwLock::downgrade\\(\\): the caller does not hold the write lock.*'lockless'"},
        {[] { (void)rw.upgrade(); }, "RwLock::upgrade\\(\\): no read lock is held.*'lockless'"},
        {[] { (void)rw.try_upgrade(); }, "RwLock::try_upgrade\\(\\): no read lock is held"},
        {[] {
             (void)rw.write_lock();
             (void)rw.upgrade();
         },
         "RwLock::upgrade\\(\\): the caller holds the write lock, not a read lock"},
        {[] {
             (void)rw.read_lock();
             (void)rw.unlock();
             rw.downgrade();
         },
         "RwLock::downgrade\\(\\): the caller does not hold the write lock"},
    };
    for (const Case& c : cases) {
        Body body = [&] { c.call(); };
        Result<Coroutine*> co = spawn(pool, run_body, &body, "lockless");
        ASSERT_TRUE(co.ok());
        EXPECT_DEATH((void)run(), c.message);
        body = [] {};  // only the child ran the bad body; finish this one cleanly
        EXPECT_EQ(run(), Status::ok);
    }
}

TEST_F(Misuse, AnotherCoroutinesWriteLockIsNotUnlocked) {
    RwLock rw;
    Status by_other = Status::ok;
    Body writer = [&] {
        EXPECT_EQ(rw.write_lock(), Status::ok);
        yield();
        EXPECT_TRUE(rw.write_locked());
        EXPECT_EQ(rw.unlock(), Status::ok);
    };
    Body other = [&] { by_other = rw.unlock(); };
    go(writer);
    go(other);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(by_other, Status::not_owner);
    EXPECT_FALSE(rw.write_locked());
}

}  // namespace
