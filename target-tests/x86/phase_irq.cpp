// The phase sweep's spare interrupt on x86 (target-tests/phase_irq.h), named by board.mk's
// PHASE_IRQ_FLAGS:
// - PHASE_HPET_BASE: the HPET's timer 0 as a one-shot, in legacy replacement routing, so it
//   interrupts on the PICs' line 0, which the port leaves to boards (its alarm is the local APIC's
//   timer). QEMU counts it from the virtual clock, as it does the TSC under -icount, so an arming n
//   ticks ahead interrupts n ticks later, to within the HPET's period (10 ns on QEMU).
// A tick is a nanosecond here, an instruction's time under -icount, so the sweep steps by
// step_periods of the HPET's period: about as many instructions a phase as a Cortex-M tick is.
#include "phase_irq.h"

#include "port.h"
#include "x86.h"

#if defined(PHASE_HPET_BASE)

namespace {

using x86::reg;

constexpr uintptr_t capabilities_high = PHASE_HPET_BASE + 0x004;  // the period, in femtoseconds
constexpr uintptr_t config = PHASE_HPET_BASE + 0x010;
constexpr uintptr_t counter_low = PHASE_HPET_BASE + 0x0F0;
constexpr uintptr_t counter_high = PHASE_HPET_BASE + 0x0F4;
constexpr uintptr_t timer0_config = PHASE_HPET_BASE + 0x100;
constexpr uintptr_t timer0_compare_low = PHASE_HPET_BASE + 0x108;
constexpr uintptr_t timer0_compare_high = PHASE_HPET_BASE + 0x10C;
constexpr uint32_t enable = 1u << 0, legacy_route = 1u << 1, interrupt_enable = 1u << 2;
constexpr unsigned line = 0;
constexpr uint32_t step_periods = 4;

static_assert(1000000000000000 % PORT_TICK_HZ == 0, "PHASE_HPET: a tick is a whole number of femtoseconds");
constexpr uint64_t fs_per_tick = 1000000000000000 / PORT_TICK_HZ;

uint32_t period_fs;

// The main counter, read as two halves: high, low, high again until the high half held.
uint64_t counter() {
    uint32_t high, low;
    do {
        high = reg(counter_high);
        low = reg(counter_low);
    } while (reg(counter_high) != high);
    return uint64_t{high} << 32 | low;
}

void init() {
    if (period_fs != 0) return;
    period_fs = reg(capabilities_high);
    reg(config) = enable | legacy_route;
    x86::irq_enable(line);
}

}  // namespace

namespace phase = weft::test::phase_irq;

const char* phase::unavailable() {
    return nullptr;
}

weft::Tick phase::step() {
    init();
    return (uint64_t{period_fs} * step_periods + fs_per_tick - 1) / fs_per_tick;
}

void phase::timer::enable() {
    init();
}

// A comparison that comes while the interrupt is off raises nothing; one the PIC already latched
// finds no handler.
void phase::timer::stop() {
    reg(timer0_config) = 0;
}

// Rounded up: never before the tick asked for. A comparison already passed interrupts at the next
// count. Written while the timer's interrupt is off, so no half-written comparison can fire.
void phase::timer::start(Tick ahead, unsigned) {
    const uint64_t compare = counter() + (ahead * fs_per_tick + period_fs - 1) / period_fs;
    reg(timer0_compare_low) = static_cast<uint32_t>(compare);
    reg(timer0_compare_high) = static_cast<uint32_t>(compare >> 32);
    reg(timer0_config) = interrupt_enable;
}

// One shot: stopped before the handler runs, so it does not come again.
extern "C" void irq0_handler() {
    phase::timer::stop();
    phase::fired();
}

#endif
