// Switch paths: Weft's round trip and scheduler yield, beside Boost.Context and
// glibc's swapcontext measured in the same run.
#include <benchmark/benchmark.h>
#include <ucontext.h>

#include <boost/context/fiber.hpp>

#include "bench_pool.h"

namespace ctx = boost::context;

namespace {

// Yields until told to stop; the benchmark runs each function several times, so every coroutine
// must end and give its slot back.
void yield_until_stopped(void* stop) {
    while (!*static_cast<bool*>(stop)) weft::yield();
}

void stop(weft::Coroutine* co, bool& flag) {
    flag = true;
    weft::enter(co);
}

// enter() into a coroutine that yields straight back: two switches.
void weft_round_trip(benchmark::State& state) {
    bool done = false;
    weft::Coroutine* co = *weft::create(bench_pool, yield_until_stopped, &done);
    for (auto _ : state) weft::enter(co);
    stop(co, done);
}
BENCHMARK(weft_round_trip);

struct Pair {
    benchmark::State* state;
    bool done;
};

void measure(void* p) {
    Pair& pair = *static_cast<Pair*>(p);
    for (auto _ : *pair.state) weft::yield();
    pair.done = true;
}

void partner(void* p) {
    Pair& pair = *static_cast<Pair*>(p);
    while (!pair.done) weft::yield();
}

// Two ready coroutines under run(): each iteration is A -> B -> A, two scheduler yields, each one
// direct hand-off (one switch).
void weft_sched_yield_pair(benchmark::State& state) {
    Pair pair{&state, false};
    (void)weft::spawn(bench_pool, measure, &pair);
    (void)weft::spawn(bench_pool, partner, &pair);
    (void)weft::run();
}
BENCHMARK(weft_sched_yield_pair);

// The design not taken: every yield returns to a scheduler loop, which enters the next ready
// coroutine. The same A -> B -> A costs four switches.
void loop_design_yield_pair(benchmark::State& state) {
    bool done = false;
    weft::Coroutine* a = *weft::create(bench_pool, yield_until_stopped, &done);
    weft::Coroutine* b = *weft::create(bench_pool, yield_until_stopped, &done);
    weft::Coroutine* ready[2] = {a, b};
    unsigned head = 0;
    for (auto _ : state) {
        weft::enter(ready[head]);
        head ^= 1;
        weft::enter(ready[head]);
        head ^= 1;
    }
    stop(a, done);
    stop(b, done);
}
BENCHMARK(loop_design_yield_pair);

void boost_fiber_round_trip(benchmark::State& state) {
    ctx::fiber f{[](ctx::fiber&& caller) {
        for (;;) caller = std::move(caller).resume();
        return std::move(caller);
    }};
    for (auto _ : state) f = std::move(f).resume();
}
BENCHMARK(boost_fiber_round_trip);

ucontext_t main_uc, co_uc;
alignas(16) char uc_stack[65536];

void uc_body() {
    for (;;) swapcontext(&co_uc, &main_uc);
}

void swapcontext_round_trip(benchmark::State& state) {
    getcontext(&co_uc);
    co_uc.uc_stack.ss_sp = uc_stack;
    co_uc.uc_stack.ss_size = sizeof uc_stack;
    co_uc.uc_link = nullptr;
    makecontext(&co_uc, uc_body, 0);
    for (auto _ : state) swapcontext(&main_uc, &co_uc);
}
BENCHMARK(swapcontext_round_trip);


}  // namespace
