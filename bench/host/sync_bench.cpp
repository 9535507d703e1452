// Synchronisation under the real scheduler: each benchmark runs two coroutines that hand work to
// each other, the measured loop inside the first, and ends both cleanly so the next run starts empty.
#include <benchmark/benchmark.h>

#include "bench_pool.h"

namespace {

struct Ping {
    explicit Ping(benchmark::State& s) : state(&s) {}
    benchmark::State* state;
    bool done = false;
    weft::Semaphore to_b, to_a;
};

// Each iteration: A gives B a unit and waits for one back: two hand-offs, two switches.
void semaphore_handoff_pair(benchmark::State& state) {
    Ping p(state);
    (void)weft::spawn(bench_pool, [](void* arg) {
        auto& p = *static_cast<Ping*>(arg);
        for (auto _ : *p.state) {
            (void)p.to_b.give();
            (void)p.to_a.take();
        }
        p.done = true;
        (void)p.to_b.give();
    }, &p);
    (void)weft::spawn(bench_pool, [](void* arg) {
        auto& p = *static_cast<Ping*>(arg);
        for (;;) {
            (void)p.to_b.take();
            if (p.done) return;
            (void)p.to_a.give();
        }
    }, &p);
    (void)weft::run();
}
BENCHMARK(semaphore_handoff_pair);

struct Echo {
    explicit Echo(benchmark::State& s) : state(&s) {}
    benchmark::State* state;
    weft::Channel<uint32_t, 4> out, back;
};

// Each iteration: A sends an item, B receives it and sends it back, A receives it.
void channel_round_trip(benchmark::State& state) {
    Echo e(state);
    (void)weft::spawn(bench_pool, [](void* arg) {
        auto& e = *static_cast<Echo*>(arg);
        uint32_t v = 0;
        for (auto _ : *e.state) {
            (void)e.out.send(v + 1);
            (void)e.back.receive(v);
        }
        (void)e.out.send(0);  // tells B to stop
    }, &e);
    (void)weft::spawn(bench_pool, [](void* arg) {
        auto& e = *static_cast<Echo*>(arg);
        for (;;) {
            uint32_t v;
            (void)e.out.receive(v);
            if (v == 0) return;
            (void)e.back.send(v);
        }
    }, &e);
    (void)weft::run();
}
BENCHMARK(channel_round_trip);

struct Contention {
    explicit Contention(benchmark::State& s) : state(&s) {}
    benchmark::State* state;
    bool done = false;
    weft::Mutex m;
};

// Two coroutines take turns on one mutex, each yielding while it holds it, so every lock waits
// and every unlock hands the mutex over. Each iteration is a lock + unlock by each of them.
void mutex_contended(benchmark::State& state) {
    Contention c(state);
    (void)weft::spawn(bench_pool, [](void* arg) {
        auto& c = *static_cast<Contention*>(arg);
        for (auto _ : *c.state) {
            (void)c.m.lock();
            weft::yield();
            (void)c.m.unlock();
        }
        c.done = true;
    }, &c);
    (void)weft::spawn(bench_pool, [](void* arg) {
        auto& c = *static_cast<Contention*>(arg);
        while (!c.done) {
            (void)c.m.lock();
            weft::yield();
            (void)c.m.unlock();
        }
    }, &c);
    (void)weft::run();
}
BENCHMARK(mutex_contended);

}  // namespace
