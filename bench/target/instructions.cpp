// Guest instructions per kernel operation, under QEMU with -icount shift=0 (one instruction per
// nanosecond of virtual time). QEMU has no cycle counter on M-profile, so SysTick is calibrated
// against a loop of known length in the same run. Each figure is the difference between a run of
// 2N operations and one of N, so set-up, tear-down and SysTick's granularity cancel out; it
// includes the call into the operation and the loop around it.
#include <stdio.h>

#include "port.h"
#include "weft/weft.h"

WEFT_POOL(bench_pool, 2, 1024);

namespace {

constexpr uint32_t n = 100000;

// Two instructions an iteration: subs, bne.
void spin(uint32_t count) { __asm__ volatile("1: subs %0, #1\n\tbne 1b" : "+r"(count)::"cc"); }

port_context main_ctx, other_ctx;
alignas(8) unsigned char other_stack[1024];

[[noreturn]] void bounce(void*) {
    for (;;) port_switch(&other_ctx, &main_ctx);
}

// Two switches each time round: there and back. A count-down loop, the least a loop can add.
void switches(uint32_t count) {
    do port_switch(&main_ctx, &other_ctx);
    while (--count != 0);
}

bool stop;

void yield_until_stopped(void*) {
    while (!stop) weft::yield();
}

weft::Coroutine* plain;

void enter_yield(uint32_t count) {
    for (uint32_t i = 0; i < count; ++i) weft::enter(plain);
}

uint32_t rounds;

void yielder(void*) {
    for (uint32_t i = 0; i < rounds; ++i) weft::yield();
}

// Two ready coroutines yield to each other, `count` yields each.
void scheduler_yields(uint32_t count) {
    rounds = count;
    (void)weft::spawn(bench_pool, yielder, nullptr);
    (void)weft::spawn(bench_pool, yielder, nullptr);
    (void)weft::run();
}

weft::Semaphore to_b, to_a;

void giver(void*) {
    for (uint32_t i = 0; i < rounds; ++i) {
        (void)to_b.give();
        (void)to_a.take();
    }
}

void taker(void*) {
    for (uint32_t i = 0; i < rounds; ++i) {
        (void)to_b.take();
        (void)to_a.give();
    }
}

// Each round hands a unit from A to a waiting B and one back: two hand-offs.
void handoffs(uint32_t count) {
    rounds = count;
    (void)weft::spawn(bench_pool, taker, nullptr);
    (void)weft::spawn(bench_pool, giver, nullptr);
    (void)weft::run();
}

void nothing(void*) {}

void lifecycles(uint32_t count) {
    for (uint32_t i = 0; i < count; ++i) weft::enter(*weft::create(bench_pool, nothing, nullptr));
}

uint64_t ticks(void (*f)(uint32_t), uint32_t count) {
    uint64_t t0 = port_cycles();
    f(count);
    return port_cycles() - t0;
}

double per_tick;

// Instructions per operation, `per_call` operations in each call of f's loop.
double cost(void (*f)(uint32_t), uint32_t m, double per_call) {
    uint64_t once = ticks(f, m);
    uint64_t twice = ticks(f, 2 * m);
    return per_tick * static_cast<double>(twice - once) / (m * per_call);
}

void row(const char* what, double instructions, int goal) {
    if (goal > 0)
        printf("%-36s %8.1f   (goal %d)\n", what, instructions, goal);
    else
        printf("%-36s %8.1f\n", what, instructions);
}

}  // namespace

int main() {
    per_tick = 2.0 * n / static_cast<double>(ticks(spin, 2 * n) - ticks(spin, n));
    port_stack stack{other_stack, other_stack + sizeof other_stack};
    port_context_init(&other_ctx, &stack, bounce, nullptr);
    weft::Result<weft::Coroutine*> made = weft::create(bench_pool, yield_until_stopped, nullptr);
    if (!made) return 1;
    plain = *made;

    printf("calibration: %.2f instructions per SysTick tick\n", per_tick);
    printf("%-36s %8s\n", "operation", "instructions");
    row("switch (port_switch, with its call)", cost(switches, n, 2), 8);
    row("enter + yield round trip", cost(enter_yield, n, 1), 0);
    stop = true;
    weft::enter(plain);
    row("scheduler yield to the next ready", cost(scheduler_yields, n, 2), 30);
    row("semaphore hand-off", cost(handoffs, n / 2, 2), 60);
    row("create + enter + terminate (1 KiB)", cost(lifecycles, n / 10, 1), 0);
    return bench_pool.used() == 0 ? 0 : 1;
}
