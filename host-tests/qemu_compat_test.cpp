// The QEMU compatibility layer's coroutines, case by case after QEMU's tests/unit/test-coroutine.c:
// life cycle, nesting, order, where each call returns, the wake-up order and CoQueue.
#include <string>

#include "qemu/osdep.h"
#include "qemu/coroutine.h"
#include "qemu/coroutine_int.h"
#include "qemu_fixture.h"
#include "trace.h"
#include "weft/weft.h"
#include "weft_qemu.h"

using namespace qemu_test;
using weft::host_test::Events;
using weft::host_test::Trace;

int qemu_style_demo(char* log, size_t log_size);  // host-tests/qemu_style.cpp

namespace {

TEST_F(Qemu, PoolFollowsTheBuildSettings) {
    EXPECT_STREQ(qemu_coroutines.name(), "qemu_coroutines");
    EXPECT_EQ(qemu_coroutines.capacity(), size_t{WEFT_QEMU_POOL_COUNT});
    EXPECT_EQ(qemu_coroutines.stack_size(), size_t{WEFT_QEMU_POOL_STACK_SIZE});
}

TEST_F(Qemu, InCoroutine) {
    EXPECT_FALSE(qemu_in_coroutine());
    bool inside = false;
    Body body = [&] { inside = qemu_in_coroutine(); };
    qemu_coroutine_enter(make(body));
    EXPECT_TRUE(inside);
    EXPECT_FALSE(qemu_in_coroutine());
}

TEST_F(Qemu, SelfInsideIsTheCoroutine) {
    Coroutine* co = nullptr;
    Coroutine* seen = nullptr;
    Body body = [&] { seen = qemu_coroutine_self(); };
    co = make(body);
    qemu_coroutine_enter(co);
    EXPECT_EQ(seen, co);
}

// QEMU returns a per-thread leader outside any coroutine, never NULL; it is never entered.
TEST_F(Qemu, SelfOutsideIsTheLeader) {
    Coroutine* leader = qemu_coroutine_self();
    ASSERT_NE(leader, nullptr);
    EXPECT_EQ(qemu_coroutine_self(), leader);
    EXPECT_FALSE(qemu_coroutine_entered(leader));
    EXPECT_EQ(leader->caller, nullptr);
    Coroutine* inside = nullptr;
    Coroutine* caller = nullptr;
    Body body = [&] {
        inside = qemu_coroutine_self();
        caller = inside->caller;
    };
    qemu_coroutine_enter(make(body));
    EXPECT_NE(inside, leader);
    EXPECT_EQ(caller, leader);  // entered from outside: the leader is the caller
    EXPECT_EQ(qemu_coroutine_self(), leader);
}

TEST_F(Qemu, Entered) {
    Trace trace;
    Coroutine* outer = nullptr;
    Coroutine* inner = nullptr;
    auto check = [&](const char* where) {
        trace(std::string(where) + (qemu_coroutine_entered(outer) ? " outer" : "") +
              (inner != nullptr && qemu_coroutine_entered(inner) ? " inner" : ""));
    };
    Body inner_body = [&] {
        check("inner");
        qemu_coroutine_yield();
        check("inner again");
    };
    Body outer_body = [&] {
        inner = make(inner_body);
        check("outer");
        qemu_coroutine_enter(inner);
        check("inner yielded");
        qemu_coroutine_enter(inner);
    };
    outer = make(outer_body);
    EXPECT_FALSE(qemu_coroutine_entered(outer));
    qemu_coroutine_enter(outer);
    EXPECT_FALSE(qemu_coroutine_entered(outer));
    EXPECT_EQ(trace.events(), (Events{"outer outer", "inner outer inner", "inner yielded outer",
                                      "inner again outer inner"}));
}

TEST_F(Qemu, EnterIfInactive) {
    int runs = 0;
    Body body = [&] {
        ++runs;
        qemu_coroutine_enter_if_inactive(qemu_coroutine_self());  // running: nothing happens
        qemu_coroutine_yield();
        ++runs;
    };
    Coroutine* co = make(body);
    qemu_coroutine_enter_if_inactive(co);
    EXPECT_EQ(runs, 1);
    qemu_coroutine_enter_if_inactive(co);
    EXPECT_EQ(runs, 2);
}

struct NestData {
    unsigned n_enter;
    unsigned n_return;
    unsigned max;
};

void coroutine_fn nest(void* opaque) {
    NestData* nd = static_cast<NestData*>(opaque);
    nd->n_enter++;
    if (nd->n_enter < nd->max) qemu_coroutine_enter(qemu_coroutine_create(nest, nd));
    nd->n_return++;
}

// As deep as the pool allows: every level holds a slot until the ones inside it have returned.
TEST_F(Qemu, NestingToTheWholePool) {
    NestData nd{0, 0, static_cast<unsigned>(qemu_coroutines.capacity())};
    qemu_coroutine_enter(qemu_coroutine_create(nest, &nd));
    EXPECT_EQ(nd.n_enter, nd.max);
    EXPECT_EQ(nd.n_return, nd.max);
    EXPECT_EQ(qemu_coroutines.peak(), qemu_coroutines.capacity());
}

TEST_F(Qemu, YieldFiveTimes) {
    bool done = false;
    Body body = [&] {
        for (int i = 0; i < 5; i++) qemu_coroutine_yield();
        done = true;
    };
    Coroutine* co = make(body);
    int entries = -1;  // the last entry returns from the coroutine
    while (!done) {
        qemu_coroutine_enter(co);
        entries++;
    }
    EXPECT_EQ(entries, 5);
}

// A terminated coroutine's object is not touched again, even while its slot's neighbour runs on.
TEST_F(Qemu, NoDanglingAccess) {
    Body c2_body = [] { qemu_coroutine_yield(); };
    Coroutine* c2 = make(c2_body);
    Body c1_body = [&] { qemu_coroutine_enter(c2); };
    Coroutine* c1 = make(c1_body);
    qemu_coroutine_enter(c1);
    Coroutine saved = *c1;
    memset(static_cast<void*>(c1), 0xff, sizeof(Coroutine));
    qemu_coroutine_enter(c2);
    *c1 = saved;
}

TEST_F(Qemu, LifecycleReusesOneSlotWithNothingGrowing) {
    int ran = 0;
    auto count = [](void* opaque) { ++*static_cast<int*>(opaque); };
    Coroutine* first = nullptr;
    size_t peak = qemu_coroutines.peak();
    for (int i = 0; i < 10000; i++) {
        Coroutine* co = qemu_coroutine_create(count, &ran);
        if (first == nullptr) first = co;
        ASSERT_EQ(co, first);
        ASSERT_EQ(qemu_coroutines.used(), 1u);
        qemu_coroutine_enter(co);
        ASSERT_EQ(qemu_coroutines.used(), 0u);
    }
    EXPECT_EQ(ran, 10000);
    EXPECT_EQ(qemu_coroutines.peak(), peak == 0 ? 1u : peak);
}

TEST_F(Qemu, ExecutionOrder) {
    Trace trace;
    Body body = [&] {
        trace("co 1");
        qemu_coroutine_yield();
        trace("co 2");
    };
    Coroutine* co = make(body);
    trace("main 1");
    qemu_coroutine_enter(co);
    trace("main 2");
    qemu_coroutine_enter(co);
    trace("main 3");
    EXPECT_EQ(trace.events(), (Events{"main 1", "co 1", "main 2", "co 2", "main 3"}));
}

// Where each call returns: enter and yield come back in the context that made them.
TEST_F(Qemu, EachCallReturnsWhereItWasMade) {
    Trace trace;
    Coroutine *a = nullptr, *b = nullptr;
    auto where = [&](const char* event) {
        Coroutine* self = qemu_coroutine_self();
        const char* who = !qemu_in_coroutine() ? "outside" : self == a ? "in a" : self == b ? "in b" : "?";
        trace(std::string(event) + ": " + who);
    };
    Body b_body = [&] {
        where("b starts");
        qemu_coroutine_yield();
        where("b yield returns");
    };
    Body a_body = [&] {
        b = make(b_body);
        qemu_coroutine_enter(b);
        where("enter b returns");
        qemu_coroutine_yield();
        where("a yield returns");
        qemu_coroutine_enter(b);
        where("enter b returns");
    };
    a = make(a_body);
    qemu_coroutine_enter(a);
    where("enter a returns");
    qemu_coroutine_enter(a);
    where("enter a returns");
    EXPECT_EQ(trace.events(), (Events{"b starts: in b", "enter b returns: in a", "enter a returns: outside",
                                      "a yield returns: in a", "b yield returns: in b", "enter b returns: in a",
                                      "enter a returns: outside"}));
}

// A coroutine woken inside another runs when the waker yields, before the waker's caller resumes.
TEST_F(Qemu, WokenInsideRunsWhenTheWakerYields) {
    Trace trace;
    Coroutine* leader = qemu_coroutine_self();
    CoQueue q;
    qemu_co_queue_init(&q);
    Body waiter = [&] {
        qemu_co_queue_wait(&q, NULL);
        // Run from the waker's caller's enter loop, so that is whom it yields to.
        trace(qemu_coroutine_self()->caller == leader ? "waiter runs, entered by the caller" : "?");
    };
    Body waker = [&] {
        EXPECT_TRUE(qemu_co_queue_next(&q));
        trace("waker goes on");
        qemu_coroutine_yield();
        trace("waker resumed");
    };
    Coroutine* w = make(waiter);
    qemu_coroutine_enter(w);
    Coroutine* k = make(waker);
    qemu_coroutine_enter(k);
    trace("caller resumes");
    qemu_coroutine_enter(k);
    EXPECT_EQ(trace.events(), (Events{"waker goes on", "waiter runs, entered by the caller", "caller resumes",
                                      "waker resumed"}));
}

TEST_F(Qemu, WokenInsideRunsWhenTheWakerTerminates) {
    Trace trace;
    CoQueue q = {};
    Body waiter = [&] {
        qemu_co_queue_wait(&q, NULL);
        trace("waiter runs");
    };
    Body waker = [&] {
        qemu_co_queue_next(&q);
        trace("waker ends");
    };
    qemu_coroutine_enter(make(waiter));
    qemu_coroutine_enter(make(waker));
    trace("caller resumes");
    EXPECT_EQ(trace.events(), (Events{"waker ends", "waiter runs", "caller resumes"}));
}

TEST_F(Qemu, WokenOutsideIsEnteredAtOnce) {
    Trace trace;
    CoQueue q = {};
    Body waiter = [&] {
        qemu_co_queue_wait(&q, NULL);
        trace(qemu_in_coroutine() ? "waiter runs" : "?");
    };
    qemu_coroutine_enter(make(waiter));
    EXPECT_FALSE(qemu_co_queue_empty(&q));
    EXPECT_TRUE(qemu_co_queue_next(&q));
    trace("next returns");
    EXPECT_FALSE(qemu_co_queue_next(&q));
    EXPECT_EQ(trace.events(), (Events{"waiter runs", "next returns"}));
}

// Coroutines woken by one that was itself woken run before those woken earlier: depth first.
TEST_F(Qemu, WakeUpsRunDepthFirst) {
    Trace trace;
    CoQueue first = {}, second = {};
    Body b = [&] {
        qemu_co_queue_wait(&first, NULL);
        trace("b");
        qemu_co_queue_next(&second);
        qemu_coroutine_yield();
        trace("b again");
    };
    Body c = [&] {
        qemu_co_queue_wait(&first, NULL);
        trace("c");
    };
    Body d = [&] {
        qemu_co_queue_wait(&second, NULL);
        trace("d");
    };
    Body a = [&] {
        qemu_co_queue_restart_all(&first);
        trace("a");
    };
    Coroutine* bc = make(b);
    for (Coroutine* co : {bc, make(c), make(d)}) qemu_coroutine_enter(co);
    qemu_coroutine_enter(make(a));
    EXPECT_EQ(trace.events(), (Events{"a", "b", "d", "c"}));
    qemu_coroutine_enter(bc);
}

TEST_F(Qemu, QueueWakesInArrivalOrderAndFrontFirst) {
    Trace trace;
    CoQueue q = {};
    Body w1 = [&] { qemu_co_queue_wait(&q, NULL); trace("w1"); };
    Body w2 = [&] { qemu_co_queue_wait(&q, NULL); trace("w2"); };
    Body w3 = [&] { qemu_co_queue_wait_flags(&q, NULL, CO_QUEUE_WAIT_FRONT); trace("w3"); };
    for (Body* body : {&w1, &w2, &w3}) qemu_coroutine_enter(make(*body));
    qemu_co_queue_restart_all(&q);
    EXPECT_TRUE(qemu_co_queue_empty(&q));
    EXPECT_EQ(trace.events(), (Events{"w3", "w1", "w2"}));
}

// The condition-variable pattern: the lock is free while waiting and held again on return.
TEST_F(Qemu, QueueWaitDropsAndRetakesTheLock) {
    Trace trace;
    CoMutex m;
    CoQueue ready;
    qemu_co_mutex_init(&m);
    qemu_co_queue_init(&ready);
    bool flag = false;
    Body consumer = [&] {
        qemu_co_mutex_lock(&m);
        while (!flag) qemu_co_queue_wait(&ready, &m);
        trace(m.holder == qemu_coroutine_self() ? "consumer holds the lock" : "?");
        qemu_co_mutex_unlock(&m);
    };
    Body producer = [&] {
        qemu_co_mutex_lock(&m);  // free, though the consumer locked it before waiting
        trace("producer holds the lock");
        flag = true;
        qemu_co_queue_next(&ready);
        qemu_co_mutex_unlock(&m);
    };
    qemu_coroutine_enter(make(consumer));
    qemu_coroutine_enter(make(producer));
    EXPECT_EQ(trace.events(), (Events{"producer holds the lock", "consumer holds the lock"}));
    EXPECT_EQ(m.locked, 0u);
}

TEST_F(Qemu, EnterNextAndEnterAll) {
    Trace trace;
    CoMutex m = {};
    CoQueue q = {};
    Body waiter = [&] {
        qemu_co_mutex_lock(&m);
        qemu_co_queue_wait(&q, &m);
        trace("woken holding the lock");
        qemu_co_mutex_unlock(&m);
    };
    for (int i = 0; i < 3; i++) qemu_coroutine_enter(make(waiter));
    // Outside a coroutine the waiter runs before enter_next returns.
    EXPECT_TRUE(qemu_co_enter_next(&q, NULL));
    trace("enter_next returns");
    // Inside one, the lock is dropped around each wake-up and held again afterwards.
    Body waker = [&] {
        qemu_co_mutex_lock(&m);
        qemu_co_enter_all(&q, &m);
        trace(m.holder == qemu_coroutine_self() ? "waker holds the lock again" : "?");
        qemu_co_mutex_unlock(&m);
    };
    qemu_coroutine_enter(make(waker));
    EXPECT_FALSE(qemu_co_enter_next(&q, NULL));
    EXPECT_EQ(trace.events(), (Events{"woken holding the lock", "enter_next returns", "waker holds the lock again",
                                      "woken holding the lock", "woken holding the lock"}));
}

WEFT_POOL_STATIC(plain_pool, 1, 65536);

// A coroutine of Weft's own is no QEMU coroutine: to QEMU code it is the thread, as main() is.
TEST_F(Qemu, APlainWeftCoroutineCountsAsOutside) {
    Trace trace;
    Coroutine* leader = qemu_coroutine_self();
    CoQueue q = {};
    Body waiter = [&] {
        qemu_co_queue_wait(&q, NULL);
        trace(qemu_coroutine_self()->caller == leader ? "waiter entered from the leader" : "?");
    };
    Body plain = [&] {
        trace(!qemu_in_coroutine() && qemu_coroutine_self() == leader ? "plain is outside" : "?");
        qemu_coroutine_enter(make(waiter));
        qemu_co_queue_next(&q);  // entered at once, as from main()
        trace("next returns");
    };
    weft::Result<weft::Coroutine*> co = weft::create(plain_pool, run_body, &plain);
    ASSERT_TRUE(co.ok());
    weft::enter(*co);
    EXPECT_EQ(trace.events(), (Events{"plain is outside", "waiter entered from the leader", "next returns"}));
}

TEST_F(Qemu, QemuStyleSourceBuildsAndRuns) {
    char log[128];
    EXPECT_EQ(qemu_style_demo(log, sizeof log), 2);
    EXPECT_STREQ(log, "wait;put;producer done;got 42;");
}

TEST_F(QemuDeathTest, PoolExhaustionNamesThePool) {
    std::string expected = "qemu_coroutine_create: pool 'qemu_coroutines' exhausted \\(" +
                           std::to_string(qemu_coroutines.capacity()) + " coroutines\\)";
    EXPECT_DEATH(
        {
            Body idle = [] {};
            for (size_t i = 0; i <= qemu_coroutines.capacity(); i++) make(idle);
        },
        expected);
}

TEST_F(QemuDeathTest, ReenteringTheRunningCoroutine) {
    EXPECT_DEATH(
        {
            Body body = [] { qemu_coroutine_enter(qemu_coroutine_self()); };
            qemu_coroutine_enter(make(body));
        },
        "already running \\(re-entered recursively\\).*in pool 'qemu_coroutines'");
}

TEST_F(QemuDeathTest, ReenteringACallerInTheChain) {
    EXPECT_DEATH(
        {
            Coroutine* outer = nullptr;
            Body inner = [&] { qemu_coroutine_enter(outer); };
            Body body = [&] { qemu_coroutine_enter(make(inner)); };
            outer = make(body);
            qemu_coroutine_enter(outer);
        },
        "already running.*in pool 'qemu_coroutines'");
}

TEST_F(QemuDeathTest, EnteringATerminatedCoroutine) {
    EXPECT_DEATH(
        {
            Body body = [] {};
            Coroutine* co = make(body);
            qemu_coroutine_enter(co);
            qemu_coroutine_enter(co);
        },
        "the coroutine has terminated");
}

TEST_F(QemuDeathTest, EnteringTheLeader) {
    EXPECT_DEATH(qemu_coroutine_enter(qemu_coroutine_self()), "the leader .* cannot be entered");
}

TEST_F(QemuDeathTest, YieldingOutsideACoroutine) {
    EXPECT_DEATH(qemu_coroutine_yield(), "qemu_coroutine_yield: yielding to no one");
}

TEST_F(QemuDeathTest, WaitingOutsideACoroutine) {
    CoQueue q = {};
    EXPECT_DEATH(qemu_co_queue_wait(&q, NULL), "qemu_co_queue_wait: called outside a coroutine");
}

}  // namespace
