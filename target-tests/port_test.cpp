// The port on a real (emulated) core, through the port interface alone: interrupt masking, the
// board's time source and timer, and floating point across switches. Any port runs these; its own
// cases are in target-tests/<arch>/, and the kernel's own scenarios are the shared suites.
#include <stdio.h>

#include "arch_test.h"
#include "kernel_test.h"
#include "port.h"

using namespace weft::test;

namespace {

long us(int64_t ticks) { return static_cast<long>(ticks * 1000000 / static_cast<int64_t>(PORT_TICK_HZ)); }

bool irq_mask_nests() {
    port_irq_state outer = port_irq_save();
    port_irq_state inner = port_irq_save();
    port_irq_restore(inner);
    port_irq_state still = port_irq_save();
    port_irq_restore(still);
    port_irq_restore(outer);
    port_irq_state after = port_irq_save();
    port_irq_restore(after);
    return outer == 0 && inner != 0 && still != 0 && after == 0 && !port_in_irq();
}

// Sleeps through more than one timer period (arch_test.h), a sixteenth of a period at a time,
// reading the time at each wake-up and between.
bool ticks_monotonic() {
    uint64_t first = port_ticks(), last = first;
    while (last - first < timer_period + timer_period / 16) {
        port_timer_arm(last + timer_period / 16);
        port_irq_state s = port_irq_save();
        port_idle();
        port_irq_restore(s);
        for (int i = 0; i < 2; ++i) {
            uint64_t t = port_ticks();
            if (t < last) {
                printf("     went back from %llu to %llu\n", static_cast<unsigned long long>(last), static_cast<unsigned long long>(t));
                return false;
            }
            last = t;
        }
    }
    port_timer_arm(UINT64_MAX);
    return true;
}

// Arms the port's timer directly and idles until port_ticks() reaches the deadline; true when it
// woke then (within 20 ms), not at some later interrupt, and without a periodic tick: at most
// `max_wakes` times, which leaves room for one wake per timer period where that is the timer.
bool timer_wakes(uint64_t from_now, unsigned max_wakes) {
    uint64_t deadline = port_ticks() + from_now, t;
    unsigned wakes = 0;
    port_timer_arm(deadline);
    do {
        port_irq_state s = port_irq_save();
        port_idle();
        port_irq_restore(s);
        t = port_ticks();
    } while (++wakes < 100 && t < deadline);
    uint64_t late = t - deadline;
    printf("     woke %u times, %ld us late\n", wakes, us(static_cast<int64_t>(late)));
    return t >= deadline && late < PORT_TICK_HZ / 50 && wakes <= max_wakes;
}

bool timer_past_deadline() {
    uint64_t start = port_ticks();
    port_irq_state s = port_irq_save();
    port_timer_arm(start - 1);
    port_idle();
    port_irq_restore(s);
    return port_ticks() - start < PORT_TICK_HZ / 100;
}

// float, not double: single-precision FPUs (Cortex-M4F, M33) keep each x in a register across
// yield().
float results[2];

void compute(void* arg) {
    auto i = reinterpret_cast<uintptr_t>(arg);
    float x = 1.0f + static_cast<float>(i);
    for (int n = 0; n < 5; ++n) {
        x = x * 1.5f + 0.25f;
        weft::yield();
    }
    results[i] = x;
}

bool floating_point_survives_switches() {
    for (uintptr_t i = 0; i < 2; ++i)
        if (!weft::spawn(weft::test::pool, compute, reinterpret_cast<void*>(i))) return false;
    if (weft::run() != weft::Status::ok) return false;
    for (uintptr_t i = 0; i < 2; ++i) {
        float x = 1.0f + static_cast<float>(i);
        for (int n = 0; n < 5; ++n) x = x * 1.5f + 0.25f;
        if (results[i] != x) return false;
    }
    return true;
}

TEST(Port, InterruptMaskingNests) { EXPECT_TRUE(irq_mask_nests()); }

// Across more than one timer period, so that where a narrow counter keeps time (SysTick on
// Cortex-M) its extension to 64 bits is exercised.
TEST(Port, TicksAreMonotonicAcrossATimerPeriod) { EXPECT_TRUE(ticks_monotonic()); }

TEST(Port, ADeadlineWakesIdle) { EXPECT_TRUE(timer_wakes(PORT_TICK_HZ / 100, 4)); }

TEST(Port, ADeadlineBeyondOneTimerPeriod) { EXPECT_TRUE(timer_wakes(timer_period + PORT_TICK_HZ / 100, 6)); }

TEST(Port, ADeadlineAlreadyPastFiresAtOnce) { EXPECT_TRUE(timer_past_deadline()); }

TEST(Port, FloatingPointSurvivesSwitches) {
    EXPECT_TRUE(floating_point_survives_switches());
    EXPECT_EQ(weft::test::pool.used(), 0u);
}

}  // namespace
