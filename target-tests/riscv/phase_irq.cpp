// The phase sweep's spare interrupt on RISC-V (target-tests/phase_irq.h), named by board.mk's
// PHASE_IRQ_FLAGS:
// - PHASE_GOLDFISH_RTC_BASE, PHASE_GOLDFISH_RTC_IRQ: the Goldfish RTC of QEMU's virt machine, whose
//   alarm interrupts through the PLIC once its nanosecond count reaches the alarm. Run with
//   `-rtc clock=vm`, it counts QEMU's virtual clock, as the CLINT's mtime does, so an arming n ticks
//   ahead interrupts n ticks later, at the same instruction every run under -icount. It counts
//   nanoseconds, so the sweep can place a phase at every instruction of mtime's 100 ns ticks
//   (split()).
// A board without one (QEMU 7.2's sifive_e models no timer beside the CLINT) skips the sweep.
#include "phase_irq.h"

#include "port.h"
#include "riscv.h"

#if defined(PHASE_GOLDFISH_RTC_BASE) && defined(PHASE_GOLDFISH_RTC_IRQ)

#define PHASE_HANDLER_(n) irq##n##_handler
#define PHASE_HANDLER(n) PHASE_HANDLER_(n)

namespace {

using riscv::reg;

constexpr uintptr_t time_low = PHASE_GOLDFISH_RTC_BASE + 0x00;  // read first: latches time_high
constexpr uintptr_t time_high = PHASE_GOLDFISH_RTC_BASE + 0x04;
constexpr uintptr_t alarm_low = PHASE_GOLDFISH_RTC_BASE + 0x08;  // written last: sets the alarm
constexpr uintptr_t alarm_high = PHASE_GOLDFISH_RTC_BASE + 0x0C;
constexpr uintptr_t irq_enabled = PHASE_GOLDFISH_RTC_BASE + 0x10;
constexpr uintptr_t clear_alarm = PHASE_GOLDFISH_RTC_BASE + 0x14;
constexpr uintptr_t clear_interrupt = PHASE_GOLDFISH_RTC_BASE + 0x1C;

static_assert(1000000000 % PORT_TICK_HZ == 0, "PHASE_GOLDFISH_RTC: a tick is a whole number of nanoseconds");
constexpr uint64_t ns_per_tick = 1000000000 / PORT_TICK_HZ;
// A tick is 100 instructions under -icount: a part is one, so a race one instruction wide is found.
constexpr unsigned parts = ns_per_tick;

uint64_t rtc_now() {
    uint32_t low = reg(time_low);
    return uint64_t{reg(time_high)} << 32 | low;
}

}  // namespace

namespace phase = weft::test::phase_irq;

const char* phase::unavailable() {
    return nullptr;
}

weft::Tick phase::step() {
    return 1;
}

unsigned phase::split() {
    return parts;
}

void phase::timer::enable() {
    riscv::irq_enable(PHASE_GOLDFISH_RTC_IRQ);
}

// Leaves no alarm set and the line low, so the PLIC has nothing pending from it either.
void phase::timer::stop() {
    reg(irq_enabled) = 0;
    reg(clear_alarm) = 1;
    reg(clear_interrupt) = 1;
}

// An alarm at or before the count interrupts at once.
void phase::timer::start(Tick ahead, unsigned part) {
    const uint64_t alarm = rtc_now() + ahead * ns_per_tick + part * (ns_per_tick / parts);
    reg(irq_enabled) = 1;
    reg(alarm_high) = static_cast<uint32_t>(alarm >> 32);
    reg(alarm_low) = static_cast<uint32_t>(alarm);
}

// One shot: stopped before the handler runs, so it does not come again.
extern "C" void PHASE_HANDLER(PHASE_GOLDFISH_RTC_IRQ)() {
    phase::timer::stop();
    phase::fired();
}

#endif
