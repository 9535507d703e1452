// The coroutine primitives: create, enter, yield, terminate, with QEMU's caller-chain semantics.
#include <gtest/gtest.h>

#include <fenv.h>

#include <functional>

#include "trace.h"
#include "weft/weft.h"

using namespace weft;
using namespace weft::test;

namespace {

WEFT_POOL_STATIC(pool, 4, 65536);

// Runs a std::function as a coroutine body, so each test can write its bodies inline.
using Body = std::function<void()>;
void run_body(void* p) { from<Body>(p)(); }

Coroutine* make(Body& body, const char* name = nullptr) {
    Result<Coroutine*> co = create(pool, run_body, &body, name);
    EXPECT_TRUE(co.ok());
    return *co;
}

TEST(Coroutine, SelfAndInCoroutineOutside) {
    EXPECT_EQ(self(), nullptr);
    EXPECT_FALSE(in_coroutine());
}

TEST(Coroutine, SelfInCoroutineAndEntered) {
    Coroutine* co = nullptr;
    bool inside = false;
    Coroutine* seen = nullptr;
    bool entered_inside = false;
    Body body = [&] {
        inside = in_coroutine();
        seen = self();
        entered_inside = entered(co);
        yield();
    };
    co = make(body);
    EXPECT_FALSE(entered(co));
    EXPECT_EQ(state(co), State::suspended);
    enter(co);
    EXPECT_TRUE(inside);
    EXPECT_EQ(seen, co);
    EXPECT_TRUE(entered_inside);
    EXPECT_FALSE(entered(co));  // yielded
    EXPECT_FALSE(in_coroutine());
    enter(co);                  // runs to its end
    EXPECT_EQ(state(co), State::free);
}

// Each level enters the next and checks the whole caller chain is marked entered while it runs.
struct Level {
    Coroutine* co;
    Level* outer;
    int depth;
    Trace* trace;
};

constexpr int depth = 4;  // the pool's size

void nest(void* p) {
    Level& me = from<Level>(p);
    for (Level* l = &me; l != nullptr; l = l->outer) EXPECT_TRUE(entered(l->co));
    EXPECT_EQ(self(), me.co);
    (*me.trace)("in " + std::to_string(me.depth));
    if (me.depth + 1 < depth) {
        Level inner{nullptr, &me, me.depth + 1, me.trace};
        Result<Coroutine*> co = create(pool, nest, &inner);
        ASSERT_TRUE(co.ok());
        inner.co = *co;
        enter(inner.co);
        EXPECT_EQ(self(), me.co);  // back from the inner one, which yielded to us
        (*me.trace)("back " + std::to_string(me.depth));
        enter(inner.co);           // let it finish
    }
    yield();
    (*me.trace)("out " + std::to_string(me.depth));
}

TEST(Coroutine, NestingFollowsTheCallerChain) {
    Trace trace;
    Level top{nullptr, nullptr, 0, &trace};
    Result<Coroutine*> co = create(pool, nest, &top);
    ASSERT_TRUE(co.ok());
    top.co = *co;
    enter(top.co);
    EXPECT_EQ(self(), nullptr);
    enter(top.co);
    EXPECT_EQ(pool.used(), 0u);
    EXPECT_EQ(trace.events(), (Events{"in 0", "in 1", "in 2", "in 3", "back 2", "out 3", "back 1", "out 2",
                                      "back 0", "out 1", "out 0"}));
}

TEST(Coroutine, ThousandsOfRoundsPassValuesThroughTheArgument) {
    struct Exchange {
        uint64_t in = 0;
        uint64_t out = 0;
        bool stop = false;
    } x;
    Result<Coroutine*> co = create(pool, [](void* p) {
        Exchange& e = from<Exchange>(p);
        while (!e.stop) {
            e.out = e.in * 3 + 1;
            yield();
        }
    }, &x);
    ASSERT_TRUE(co.ok());
    for (uint64_t i = 0; i < 10000; ++i) {
        x.in = i;
        enter(*co);
        ASSERT_EQ(x.out, i * 3 + 1);
    }
    x.stop = true;
    enter(*co);
    EXPECT_EQ(state(*co), State::free);
}

TEST(Coroutine, TerminationReusesSlotsWithNothingGrowing) {
    int ran = 0;
    Coroutine* first = nullptr;
    for (int i = 0; i < 5000; ++i) {
        Result<Coroutine*> co = create(pool, [](void* p) { ++from<int>(p); }, &ran);
        ASSERT_TRUE(co.ok());
        if (first == nullptr) first = *co;
        EXPECT_EQ(*co, first);  // the one free slot, again and again
        EXPECT_EQ(pool.used(), 1u);
        enter(*co);
        EXPECT_EQ(pool.used(), 0u);
    }
    EXPECT_EQ(ran, 5000);
    EXPECT_LE(pool.peak(), pool.capacity());
}

TEST(Coroutine, ExecutionOrderAcrossEnterYieldTerminate) {
    Trace trace;
    Coroutine* b = nullptr;
    Body body_b = [&] {
        trace("b1");
        yield();
        trace("b2");
    };
    Body body_a = [&] {
        trace("a1");
        enter(b);
        trace("a2");
        yield();
        trace("a3");
        enter(b);
        trace("a4");
    };
    Coroutine* a = make(body_a);
    b = make(body_b);
    trace("main1");
    enter(a);
    trace("main2");
    enter(a);
    trace("main3");
    EXPECT_EQ(trace.events(), (Events{"main1", "a1", "b1", "a2", "main2", "a3", "b2", "a4", "main3"}));
}

TEST(Coroutine, ExhaustionIsAnErrorAndThePoolRecovers) {
    Body idle = [] { yield(); };
    Coroutine* held[4];
    for (auto& co : held) co = make(idle);
    uint32_t before = pool.exhausted();
    Result<Coroutine*> extra = create(pool, run_body, &idle);
    EXPECT_FALSE(extra.ok());
    EXPECT_EQ(extra.status(), Status::exhausted);
    EXPECT_EQ(pool.exhausted(), before + 1);
    EXPECT_EQ(pool.used(), 4u);

    enter(held[2]);
    enter(held[2]);  // terminates, freeing its slot
    Result<Coroutine*> again = create(pool, run_body, &idle);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, held[2]);
    for (Coroutine* co : {held[0], held[1], *again, held[3]}) {
        enter(co);
        enter(co);
    }
    EXPECT_EQ(pool.used(), 0u);
}

TEST(Coroutine, NamesAndEntryAddresses) {
    Body body = [] {};
    Coroutine* named = make(body, "sensor");
    Coroutine* anonymous = make(body);
    EXPECT_STREQ(name(named), "sensor");
    EXPECT_EQ(entry_address(named), nullptr);
    EXPECT_EQ(name(anonymous), nullptr);
    EXPECT_EQ(entry_address(anonymous), reinterpret_cast<const void*>(&run_body));
    EXPECT_EQ(pool_of(named), &pool);
    EXPECT_EQ(stack_size(named), 65536u);
    enter(named);
    enter(anonymous);
}

TEST(Coroutine, HighWaterMarkIsPlausible) {
    size_t used = 0;
    Body light = [] { yield(); };
    Body heavy = [&] {
        volatile char buffer[20000];
        for (size_t i = 0; i < sizeof buffer; ++i) buffer[i] = static_cast<char>(i);
        used = sizeof buffer;
        yield();
    };
    Coroutine* a = make(light);
    Coroutine* b = make(heavy);
    enter(a);
    enter(b);
    size_t low = stack_high_water(a);
    size_t high = stack_high_water(b);
    EXPECT_GT(low, 0u);
    EXPECT_LT(low, 8192u);
    EXPECT_GE(high, used);
    EXPECT_LT(high, used + 16384);
    EXPECT_LE(high, stack_size(b));
    enter(a);
    enter(b);
    EXPECT_EQ(stack_high_water(b), high);  // still readable after termination
}

// Misuse is a programming error: it stops with a message that names the problem and the coroutine.
using CoroutineDeathTest = ::testing::Test;

TEST(CoroutineDeathTest, EnteringATerminatedCoroutine) {
    Body body = [] {};
    Coroutine* co = make(body, "done");
    enter(co);
    EXPECT_DEATH(enter(co), "enter\\(\\): the coroutine has terminated.*'done' in pool 'pool'");
}

TEST(CoroutineDeathTest, EnteringItself) {
    Body body = [] { enter(self()); };
    Coroutine* co = make(body, "selfish");
    EXPECT_DEATH(enter(co), "already running.*'selfish'");
    body = [] {};  // only the child ran the bad body; finish this one cleanly
    enter(co);
}

TEST(CoroutineDeathTest, EnteringACallerInTheChain) {
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

TEST(CoroutineDeathTest, YieldOutsideACoroutine) {
    EXPECT_DEATH(yield(), "yield\\(\\) called outside a coroutine");
}

TEST(CoroutineDeathTest, EnteringAScheduledCoroutine) {
    Body body = [] {};
    Result<Coroutine*> co = spawn(pool, run_body, &body, "queued");
    ASSERT_TRUE(co.ok());
    EXPECT_DEATH(enter(*co), "belongs to the scheduler.*'queued'");
    EXPECT_EQ(run(), Status::ok);
}

TEST(CoroutineDeathTest, WaitingOutsideACoroutine) {
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

WEFT_POOL_STATIC(pair, 2, 65536);

TEST(CoroutineDeathTest, StackOverflowIsCaughtByTheCanary) {
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

}  // namespace

namespace {

// FP_CONTROL=save keeps the rounding mode per coroutine; FP_CONTROL=skip shares it. Each build
// checks the behaviour it promises.
TEST(Coroutine, FloatingPointControlFollowsTheBuildSetting) {
    ASSERT_EQ(fegetround(), FE_TONEAREST);
    int inside_before = -1, inside_after = -1;
    Body body = [&] {
        inside_before = fegetround();
        fesetround(FE_UPWARD);
        yield();
        inside_after = fegetround();
        fesetround(FE_TONEAREST);
    };
    Coroutine* co = make(body);
    enter(co);
    int outside = fegetround();
    fesetround(FE_TONEAREST);
    enter(co);
    EXPECT_EQ(inside_before, FE_TONEAREST);
#if PORT_SAVES_FP_CONTROL
    EXPECT_EQ(outside, FE_TONEAREST);   // the coroutine's mode stayed with it
    EXPECT_EQ(inside_after, FE_UPWARD);
#else
    EXPECT_EQ(outside, FE_UPWARD);      // one mode for all
    EXPECT_EQ(inside_after, FE_TONEAREST);
#endif
    fesetround(FE_TONEAREST);
}

}  // namespace
