// Host benchmark: Weft's switch paths beside Boost.Context and glibc's swapcontext, in one run.
// Prints Google Benchmark's table, then each Weft figure as a ratio to Boost.Context's round trip.
#include <benchmark/benchmark.h>
#include <stdio.h>
#include <ucontext.h>

#include <boost/context/fiber.hpp>
#include <map>
#include <string>

#include "weft/weft.h"

namespace ctx = boost::context;

// The host minimum stack: create paints the whole stack, so its cost grows with the stack size.
WEFT_POOL_STATIC(bench_pool, 4, PORT_STACK_MIN);

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

void weft_create_enter_terminate(benchmark::State& state) {
    for (auto _ : state) weft::enter(*weft::create(bench_pool, [](void*) {}, nullptr));
}
BENCHMARK(weft_create_enter_terminate);

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

// Keeps each run's time per iteration so the ratios can be printed after the table.
class Reporter : public benchmark::ConsoleReporter {
public:
    std::map<std::string, double> ns;
    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& r : runs) ns[r.benchmark_name()] = r.GetAdjustedRealTime();
    }
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    Reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    auto& ns = reporter.ns;
    double boost = ns["boost_fiber_round_trip"];
    double uc = ns["swapcontext_round_trip"];
    if (boost <= 0) return 0;
    printf("\n%-40s %10s %12s\n", "operation", "ns", "vs Boost");
    auto row = [&](const char* what, double v) { printf("%-40s %10.2f %12.2f\n", what, v, v / boost); };
    row("Boost.Context fiber round trip", boost);
    row("glibc swapcontext round trip", uc);
    row("Weft enter + yield round trip", ns["weft_round_trip"]);
    row("Weft scheduler yield (hand-off)", ns["weft_sched_yield_pair"] / 2);
    row("  scheduler-loop design, per yield", ns["loop_design_yield_pair"] / 2);
    row("Weft create + enter + terminate", ns["weft_create_enter_terminate"]);
    printf("\nswapcontext / Weft round trip: %.1fx\n", uc / ns["weft_round_trip"]);
    return 0;
}
