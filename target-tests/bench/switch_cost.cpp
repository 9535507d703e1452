// Guest instructions per context switch, under QEMU with -icount shift=0 (one instruction per
// nanosecond of virtual time). QEMU has no cycle counter on M-profile, so SysTick is calibrated
// against a loop of known length; each figure is the difference of a run of N and one of 2N, so
// set-up and the SysTick granularity cancel out.
#include <stdio.h>

#include "port.h"
#include "weft/weft.h"

WEFT_POOL(pool, 2, 1024);

namespace {

constexpr uint32_t n = 200000;

// Two instructions an iteration: subs, bne.
void spin(uint32_t count) { __asm__ volatile("1: subs %0, #1\n\tbne 1b" : "+r"(count)::"cc"); }

port_context main_ctx, other_ctx;
alignas(8) unsigned char other_stack[1024];

[[noreturn]] void bounce(void*) {
    for (;;) port_switch(&other_ctx, &main_ctx);
}

void ping_pong(uint32_t count) {
    for (uint32_t i = 0; i < count; ++i) port_switch(&main_ctx, &other_ctx);
}

void yielder(void*) {
    for (;;) weft::yield();
}

weft::Coroutine* co;

void enter_yield(uint32_t count) {
    for (uint32_t i = 0; i < count; ++i) weft::enter(co);
}

// Ticks spent in f(2n) minus ticks in f(n): the cost of n more calls.
uint64_t ticks_for_n(void (*f)(uint32_t)) {
    uint64_t t0 = port_cycles();
    f(n);
    uint64_t t1 = port_cycles();
    f(2 * n);
    uint64_t t2 = port_cycles();
    return (t2 - t1) - (t1 - t0);
}

}  // namespace

int main() {
    double per_tick = 2.0 * n / static_cast<double>(ticks_for_n(spin));
    port_stack stack{other_stack, other_stack + sizeof other_stack};
    port_context_init(&other_ctx, &stack, [](void*) { bounce(nullptr); }, nullptr);
    weft::Result<weft::Coroutine*> made = weft::create(pool, yielder, nullptr);
    if (!made) return 1;
    co = *made;
    printf("calibration: %.2f instructions per SysTick tick\n", per_tick);
    printf("port_switch round trip (2 switches, 2 calls, loop): %.1f instructions\n",
           per_tick * static_cast<double>(ticks_for_n(ping_pong)) / n);
    printf("enter() + yield() round trip: %.1f instructions\n",
           per_tick * static_cast<double>(ticks_for_n(enter_yield)) / n);
    return 0;
}
