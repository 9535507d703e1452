// Guest instructions per kernel operation, under QEMU with -icount shift=0 (one instruction per
// nanosecond of virtual time). The port's clock need not count instructions, so it is calibrated
// against a loop of known length in the same run (bench_arch.h, one per arch, says what differs:
// that loop, the FPU and the goals). Each figure is the difference between a run of 2N operations
// and one of N, so set-up, tear-down and the clock's granularity cancel out; it includes the call
// into the operation and the loop around it.
#include <stdio.h>

#include "bench_arch.h"
#include "port.h"
#include "weft/weft.h"

WEFT_POOL(bench_pool, 2, 1024);

namespace {

constexpr uint32_t n = 100000;

uint64_t ticks(void (*f)(uint32_t), uint32_t count) {
    uint64_t t0 = port_cycles();
    f(count);
    return port_cycles() - t0;
}

port_context main_ctx, a_ctx, b_ctx;
alignas(PORT_SLOT_ALIGN) unsigned char a_slot[1024], b_slot[1024];

// Whether the two switching contexts use the FPU: with the FPU variants that keep its registers
// only for contexts that used it, the switch costs differ.
bool with_fpu;

void touch_fpu() {
    if (with_fpu) bench::touch_fpu();
}

[[noreturn]] void bounce(void*) {
    touch_fpu();
    for (;;) port_switch(&b_ctx, &a_ctx);
}

// Two switches each time round: there and back. A count-down loop, the least a loop can add.
void switches(uint32_t count) {
    do port_switch(&a_ctx, &b_ctx);
    while (--count != 0);
}

uint32_t request;
uint64_t result;
bool fpu_was_live;

// Times `request` rounds of switches to bounce() and back, from a context of its own, so that
// main(), which computes in floating point, is not one of the two.
[[noreturn]] void driver(void*) {
    touch_fpu();
    for (;;) {
        result = ticks(switches, request);
        fpu_was_live = bench::fpu_state_live();
        port_switch(&a_ctx, &main_ctx);
    }
}

void start_pair(bool fpu) {
    with_fpu = fpu;
    port_stack stack;
    port_stacks(a_slot, sizeof a_slot, nullptr, &stack);
    port_context_init(&a_ctx, &stack, driver, nullptr);
    port_stacks(b_slot, sizeof b_slot, nullptr, &stack);
    port_context_init(&b_ctx, &stack, bounce, nullptr);
}

uint64_t driver_ticks(uint32_t count) {
    request = count;
    port_switch(&main_ctx, &a_ctx);
    return result;
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

double per_tick;

// Instructions per operation from the ticks of m and of 2m calls, `per_call` operations each.
double per_operation(uint64_t once, uint64_t twice, uint32_t m, double per_call) {
    return per_tick * static_cast<double>(twice - once) / (m * per_call);
}

double cost(void (*f)(uint32_t), uint32_t m, double per_call) {
    uint64_t once = ticks(f, m);
    return per_operation(once, ticks(f, 2 * m), m, per_call);
}

// One switch between two contexts with or without FPU state.
double switch_cost(bool fpu) {
    start_pair(fpu);
    uint64_t once = driver_ticks(n);
    return per_operation(once, driver_ticks(2 * n), n, 2);
}

void row(const char* what, double instructions, int goal) {
    if (goal > 0)
        printf("%-36s %8.1f   (goal %d)\n", what, instructions, goal);
    else
        printf("%-36s %8.1f\n", what, instructions);
}

}  // namespace

int main() {
    per_tick = double{bench::spin_instructions} * n /
               static_cast<double>(ticks(bench::spin, 2 * n) - ticks(bench::spin, n));
    weft::Result<weft::Coroutine*> made = weft::create(bench_pool, yield_until_stopped, nullptr);
    if (!made) return 1;
    plain = *made;

    printf("calibration: %.2f instructions per tick of the port's clock (port_cycles)\n", per_tick);
    printf("%-36s %8s\n", "operation", "instructions");
    row("switch (port_switch, with its call)", switch_cost(false), bench::goal_switch);
    if (fpu_was_live) printf("  (neither context used the FPU, but the switch itself did)\n");
    if constexpr (bench::has_fpu) row("switch, both contexts using the FPU", switch_cost(true), 0);
    row("enter + yield round trip", cost(enter_yield, n, 1), 0);
    stop = true;
    weft::enter(plain);
    row("scheduler yield to the next ready", cost(scheduler_yields, n, 2), bench::goal_yield);
    row("semaphore hand-off", cost(handoffs, n / 2, 2), bench::goal_handoff);
    row("create + enter + terminate (1 KiB)", cost(lifecycles, n / 10, 1), 0);
    return bench_pool.used() == 0 ? 0 : 1;
}
