// Interrupt handlers signal coroutines without running coroutine code; the woken coroutine runs
// at the next scheduling point.
#include <algorithm>

#include "harness.h"

using namespace weft;
using namespace weft::test;

namespace {

WEFT_POOL_STATIC(pool, 4, 65536);
WEFT_POOL_STATIC(inspector_pool, 1, 65536);

class Irq : public KernelTest {
protected:
    Irq() : KernelTest(pool) {}
};

struct Device {
    explicit Device(Trace* t) : trace(t) {}
    Trace* trace;
    Event done;
    Semaphore rx;
    Channel<uint8_t, 4> fifo;
    unsigned dropped = 0;
    uint8_t next = 0;
};

void handler(void* p) {
    auto& d = *static_cast<Device*>(p);
    d.trace->operator()("irq: in_coroutine=" + std::to_string(in_coroutine()) + " in_irq=" + std::to_string(port_in_irq()));
    if (d.fifo.try_send(d.next) == Status::ok)
        ++d.next;
    else
        ++d.dropped;  // told it failed: counted, never silent
    (void)d.rx.give();
    d.done.set();
}

TEST_F(Irq, AHandlerSignalsAndTheWaiterRunsAtTheNextSchedulingPoint) {
    Trace trace;
    Device dev(&trace);
    port_host_irq_attach(9, handler, &dev);
    Body waiter = [&] {
        EXPECT_EQ(dev.done.wait(), Status::ok);
        trace("waiter woken");
    };
    Body busy = [&] {
        trace("busy raises");
        port_host_irq_raise(9);  // runs the handler now, inside busy's time slice
        trace("busy carries on");  // the waiter is ready but does not run until busy yields
        yield();
        trace("busy again");
    };
    go(waiter);
    go(busy);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"busy raises", "irq: in_coroutine=1 in_irq=1", "busy carries on",
                                      "waiter woken", "busy again"}));
}

TEST_F(Irq, AHandlerPushesIntoAChannelAndIsToldWhenItIsFull) {
    Trace trace;
    Device dev(&trace);
    port_host_irq_attach(9, handler, &dev);
    for (int i = 0; i < 6; ++i) port_host_irq_at(9, 100 * (i + 1));
    std::vector<int> got;
    Body consumer = [&] {
        // Sleep past all six interrupts: the four-slot FIFO takes four, two are refused and counted.
        sleep_for(1000);
        uint8_t b;
        while (dev.fifo.try_receive(b) == Status::ok) got.push_back(b);
        for (int i = 0; i < 6; ++i) EXPECT_EQ(dev.rx.take(within(0)), Status::ok);
    };
    go(consumer);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(got, (std::vector<int>{0, 1, 2, 3}));
    EXPECT_EQ(dev.dropped, 2u);
}

TEST_F(Irq, ASemaphoreGivenFromAHandlerWhileTheSchedulerIdles) {
    Trace trace;
    Device dev(&trace);
    port_host_irq_attach(9, handler, &dev);
    port_host_irq_at(9, 5000);
    Body waiter = [&] {
        EXPECT_EQ(dev.rx.take(within(10000)), Status::ok);
        trace("took at " + std::to_string(t()));
    };
    go(waiter);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"irq: in_coroutine=0 in_irq=1", "took at 5000"}));
}

TEST_F(Irq, RunReportsDeadlockWhenNothingCanWakeTheWaiters) {
    WaitQueue q;
    Body waiter = [&] { q.wait(); };
    Coroutine* co = go(waiter, "stuck");
    EXPECT_EQ(run(), Status::deadlock);
    EXPECT_EQ(state(co), State::waiting);
    // Wake it from outside any coroutine, and run again to let it finish.
    EXPECT_TRUE(q.wake_one());
    EXPECT_EQ(run(), Status::ok);
}

TEST_F(Irq, AnInterruptWakesAWaiterWhileTheSchedulerIdles) {
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

TEST_F(Irq, AnInterruptInTheMiddleOfAWaitIsTakenAtTheNextUnmask) {
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

TEST_F(Irq, AnInterruptFiresOneSourceInTheMiddleOfTheWait) {
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

// A wait woken before its timeout takes its deadline out of the port's alarm: the idle CPU is
// not woken for it (it would show as a timer interrupt at 1000).
TEST_F(Irq, AWaitEndedBeforeItsTimeoutLeavesNoAlarmBehind) {
    Semaphore first, second;
    port_host_irq_attach(2, [](void* p) { (void)static_cast<Semaphore*>(p)->give(); }, &first);
    port_host_irq_attach(3, [](void* p) { (void)static_cast<Semaphore*>(p)->give(); }, &second);
    port_host_irq_at(2, 400);
    port_host_irq_at(3, 2000);
    Status got = Status::timeout;
    Tick at = 0;
    Body waiter = [&] {
        got = first.take(within(1000));
        EXPECT_EQ(t(), 400u);
        EXPECT_EQ(second.take(), Status::ok);
        at = t();
    };
    go(waiter);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(got, Status::ok);
    EXPECT_EQ(at, 2000u);
    EXPECT_EQ(port_host_timer_interrupts(), 0u);
}

// The window between deciding to wait and switching away: the first unmask inside take() comes
// after the waiter has queued and left the ready ring, and an interrupt taken there wakes it.
TEST_F(Irq, AWakeBetweenDecidingToWaitAndSwitchingAwayIsNotLost) {
    Trace trace;
    Semaphore sem;
    port_host_irq_attach(5, [](void* p) { (void)static_cast<Semaphore*>(p)->give(); }, &sem);
    Body a = [&] {
        port_host_irq_at_unmask(5);
        EXPECT_EQ(sem.take(within(1000)), Status::ok);
        trace("a took");
        yield();
        trace("a again");
    };
    Body b = [&] {
        trace("b");
        yield();
        trace("b again");
    };
    go(a);
    go(b);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"b", "a took", "b again", "a again"}));
    EXPECT_EQ(port_host_now(), 0u);  // woken by the interrupt, not the timeout
}

TEST_F(Irq, IntrospectionListsStatesAndWhatEachWaitsOn) {
    Event ev;
    Mutex m;
    Body sleeper = [&] { sleep_until(9000); };
    Body waiter = [&] { (void)ev.wait(within(3000)); };
    Body holder = [&] {
        (void)m.lock();
        yield();
        (void)m.unlock();
    };
    Body locker = [&] {
        (void)m.lock();
        (void)m.unlock();
    };
    Body inspector = [&] {
        std::vector<std::string> seen;
        for_each_coroutine([](const CoroutineInfo& c, void* p) {
            if (c.state == State::free) return;
            std::string line = std::string(c.name) + " " + to_string(c.state) + " " + to_string(c.waiting_for);
            if (c.wake_at != UINT64_MAX) line += " until " + std::to_string(c.wake_at);
            static_cast<std::vector<std::string>*>(p)->push_back(line);
            EXPECT_EQ(c.stack_size, 65536u);
            EXPECT_GT(c.stack_high_water, 0u);
        }, &seen);
        std::sort(seen.begin(), seen.end());
        EXPECT_EQ(seen, (std::vector<std::string>{"holder ready ", "inspector running ", "locker waiting mutex",
                                                  "sleeper waiting sleep until 9000",
                                                  "waiter waiting event until 3000"}));
        std::string table;
        report([](const char* line, void* p) { *static_cast<std::string*>(p) += std::string(line) + "\n"; }, &table);
        EXPECT_NE(table.find("pool"), std::string::npos);
        EXPECT_NE(table.find("sleep until 9000"), std::string::npos);
        ev.set();
    };
    go(sleeper, "sleeper");
    go(waiter, "waiter");
    go(holder, "holder");
    go(locker, "locker");
    uint32_t exhausted = pool.exhausted();
    EXPECT_EQ(spawn(pool, run_body, &inspector).status(), Status::exhausted);  // four is all it holds
    EXPECT_EQ(pool.exhausted(), exhausted + 1);
    test::go(inspector_pool, inspector, "inspector");
    EXPECT_EQ(run(), Status::ok);
}

// describe() reads the wait masked but scans the stack unmasked: an interrupt that comes while it
// runs is taken before the scan, not held off for the whole of it. The handler here marks the
// described stack deep down, so the mark shows in the result only if the handler ran first.
TEST_F(Irq, DescribeScansTheStackWithInterruptsUnmasked) {
    Body idle = [] {};
    Coroutine* victim = go(idle, "victim");
    static unsigned char* deep;
    deep = static_cast<unsigned char*>(victim->stack) + 1024;
    port_host_irq_attach(6, [](void*) { *deep = 0; }, nullptr);
    Body inspector = [&] {
        port_host_irq_at_unmask(6);
        CoroutineInfo info = describe(victim);
        EXPECT_EQ(info.stack_high_water, 65536u - 1024u);
    };
    test::go(inspector_pool, inspector, "inspector");
    EXPECT_EQ(run(), Status::ok);
}

}  // namespace
