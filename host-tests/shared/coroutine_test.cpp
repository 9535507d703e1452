// The coroutine primitives: create, enter, yield, terminate, with QEMU's caller-chain semantics.
#include "kernel_test.h"

using namespace weft;
using namespace weft::test;

namespace {

class Coroutines : public PoolTest {
protected:
    Coroutines() : PoolTest(pool) {}
};

TEST_F(Coroutines, SelfAndInCoroutineOutside) {
    EXPECT_EQ(self(), nullptr);
    EXPECT_FALSE(in_coroutine());
}

TEST_F(Coroutines, SelfInCoroutineAndEntered) {
    Coroutine* co = nullptr;
    bool inside = false, entered_inside = false, running_inside = false;
    Coroutine* seen = nullptr;
    auto body = [&] {
        inside = in_coroutine();
        seen = self();
        entered_inside = entered(co);
        running_inside = state(co) == State::running;
        yield();
    };
    co = make(body);
    ASSERT_TRUE(co != nullptr);
    EXPECT_FALSE(entered(co));
    EXPECT_EQ(state(co), State::suspended);
    enter(co);
    EXPECT_TRUE(inside);
    EXPECT_EQ(seen, co);
    EXPECT_TRUE(entered_inside);
    EXPECT_TRUE(running_inside);
    EXPECT_FALSE(entered(co));  // it yielded
    EXPECT_EQ(state(co), State::suspended);
    EXPECT_FALSE(in_coroutine());
    enter(co);  // runs to its end
    EXPECT_EQ(state(co), State::free);
}

// Each level enters the next and checks that the whole caller chain counts as entered.
struct Level {
    Coroutine* co;
    Level* outer;
    int depth;
    Trace* trace;
};

constexpr int depth = 4;
const char* const in_names[] = {"in 0", "in 1", "in 2", "in 3"};
const char* const back_names[] = {"back 0", "back 1", "back 2", "back 3"};
const char* const out_names[] = {"out 0", "out 1", "out 2", "out 3"};

void nest(void* p) {
    Level& me = *static_cast<Level*>(p);
    for (Level* l = &me; l != nullptr; l = l->outer) EXPECT_TRUE(entered(l->co));
    EXPECT_EQ(self(), me.co);
    (*me.trace)(in_names[me.depth]);
    if (me.depth + 1 < depth) {
        Level inner{nullptr, &me, me.depth + 1, me.trace};
        Result<Coroutine*> co = create(pool, nest, &inner);
        ASSERT_TRUE(co.ok());
        inner.co = *co;
        enter(inner.co);
        EXPECT_EQ(self(), me.co);  // back from the inner one, which yielded to us
        (*me.trace)(back_names[me.depth]);
        enter(inner.co);  // let it finish
    }
    yield();
    (*me.trace)(out_names[me.depth]);
}

TEST_F(Coroutines, NestingFollowsTheCallerChain) {
    Trace trace;
    Level top{nullptr, nullptr, 0, &trace};
    Result<Coroutine*> co = create(pool, nest, &top);
    ASSERT_TRUE(co.ok());
    top.co = *co;
    enter(top.co);
    EXPECT_EQ(self(), nullptr);
    enter(top.co);
    EXPECT_TRUE(trace.is("in 0", "in 1", "in 2", "in 3", "back 2", "out 3", "back 1", "out 2", "back 0", "out 1",
                         "out 0"));
}

TEST_F(Coroutines, ThousandsOfRoundsPassValuesThroughTheArgument) {
    struct Exchange {
        uint64_t in = 0;
        uint64_t out = 0;
        bool stop = false;
    } x;
    Result<Coroutine*> co = create(pool, [](void* p) {
        Exchange& e = *static_cast<Exchange*>(p);
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

TEST_F(Coroutines, TerminationReusesSlotsWithNothingGrowing) {
    int ran = 0;
    Coroutine* first = nullptr;
    for (int i = 0; i < 5000; ++i) {
        Result<Coroutine*> co = create(pool, [](void* p) { ++*static_cast<int*>(p); }, &ran);
        ASSERT_TRUE(co.ok());
        if (first == nullptr) first = *co;
        EXPECT_EQ(*co, first);  // the one free slot, again and again
        EXPECT_EQ(pool.used(), 1u);
        enter(*co);
        EXPECT_EQ(pool.used(), 0u);
    }
    EXPECT_EQ(ran, 5000);
}

TEST_F(Coroutines, ExecutionOrderAcrossEnterYieldTerminate) {
    Trace trace;
    Coroutine* b = nullptr;
    auto body_b = [&] {
        trace("b1");
        yield();
        trace("b2");
    };
    auto body_a = [&] {
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
    EXPECT_TRUE(trace.is("main1", "a1", "b1", "a2", "main2", "a3", "b2", "a4", "main3"));
}

TEST_F(Coroutines, ExhaustionIsAnErrorAndThePoolRecovers) {
    auto idle = [] { yield(); };
    Coroutine* held[pool_size];
    for (auto& co : held) co = make(idle);
    uint32_t before = pool.exhausted();
    Result<Coroutine*> extra = create(pool, call<decltype(idle)>, &idle);
    EXPECT_FALSE(extra.ok());
    EXPECT_EQ(extra.status(), Status::exhausted);
    EXPECT_EQ(pool.exhausted(), before + 1);
    EXPECT_EQ(pool.used(), pool_size);

    enter(held[2]);
    enter(held[2]);  // terminates, freeing its slot
    Coroutine* again = make(idle);
    EXPECT_EQ(again, held[2]);
    held[2] = again;
    for (Coroutine* co : held) {
        enter(co);  // to its yield
        enter(co);  // to its end
    }
}

void nothing(void*) {}

TEST_F(Coroutines, NamesAndEntryAddresses) {
    Result<Coroutine*> named = create(pool, nothing, nullptr, "sensor");
    Result<Coroutine*> anonymous = create(pool, nothing, nullptr);
    ASSERT_TRUE(named.ok() && anonymous.ok());
    EXPECT_STREQ(name(*named), "sensor");
    EXPECT_EQ(entry_address(*named), nullptr);
    EXPECT_EQ(name(*anonymous), nullptr);
    EXPECT_EQ(entry_address(*anonymous), reinterpret_cast<const void*>(&nothing));
    EXPECT_EQ(pool_of(*named), &pool);
    EXPECT_EQ(stack_size(*named), test_stack);
    enter(*named);
    enter(*anonymous);
    // The entry is read from the start record at the top of the stack: it stays there after the
    // end, until the slot is handed out again.
    EXPECT_EQ(entry_address(*anonymous), reinterpret_cast<const void*>(&nothing));
}

void deep_then_yield(void*) {
    volatile char buffer[test_stack / 2];
    for (size_t i = 0; i < sizeof buffer; ++i) buffer[i] = static_cast<char>(i);
    yield();
}

TEST_F(Coroutines, EntryAddressOutlastsTheStacksUse) {
    Result<Coroutine*> co = create(pool, deep_then_yield, nullptr);
    ASSERT_TRUE(co.ok());
    enter(*co);  // to its yield, half its stack written
    EXPECT_EQ(entry_address(*co), reinterpret_cast<const void*>(&deep_then_yield));
    enter(*co);
    EXPECT_EQ(entry_address(*co), reinterpret_cast<const void*>(&deep_then_yield));
}

TEST_F(Coroutines, HighWaterMarkIsPlausible) {
    constexpr size_t big = test_stack / 2;
    auto light = [] { yield(); };
    auto heavy = [] {
        volatile char buffer[big];
        for (size_t i = 0; i < sizeof buffer; ++i) buffer[i] = static_cast<char>(i);
        yield();
    };
    Coroutine* a = make(light);
    Coroutine* b = make(heavy);
    enter(a);
    enter(b);
    size_t low = stack_high_water(a);
    size_t high = stack_high_water(b);
    EXPECT_GT(low, 0u);
    EXPECT_LT(low, big);
    EXPECT_GE(high, big);
    EXPECT_LT(high, stack_size(b));
    enter(a);
    enter(b);
    EXPECT_EQ(stack_high_water(b), high);  // still readable after termination
}

}  // namespace
