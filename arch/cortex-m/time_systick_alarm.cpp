// Time source for a chip with a free-running peripheral counter (time_counter.h): the counter keeps
// time, and SysTick is only the alarm for the next deadline. It is started for the deadline, or for
// its full 24 bits on the way to a further one, and is off whenever nothing waits on time.
//
// SysTick counts core cycles; the counter's ticks must be a whole number of them. Under QEMU an
// alarm's interrupt that comes during WFI is taken only at SysTick's next expiry (docs/design.md,
// "Time under QEMU"), so each alarm is followed by a short guard period: the interrupt comes at
// most that late there, and on hardware the handler turns SysTick off before the guard is over.
#include "cortex_m.h"
#include "port.h"
#include "time_counter.h"

using namespace cortex_m;

namespace {

static_assert(BOARD_CPU_HZ % PORT_TICK_HZ == 0,
              "the time counter's tick must be a whole number of core cycles");
constexpr uint64_t cycles_per_tick = BOARD_CPU_HZ / PORT_TICK_HZ;

constexpr uint32_t enable_interrupt_core_clock = 7;
constexpr uint32_t icsr_pendstclr = 1u << 25;
constexpr uint32_t max_cycles = 1u << 24;
constexpr uint32_t min_cycles = 2;  // a reload value of 0 would never interrupt
constexpr uint32_t guard_cycles = 64;

uint64_t deadline = UINT64_MAX;

void alarm_off() {
    reg(syst_csr) = 0;
    reg(icsr) = icsr_pendstclr;
}

// Interrupts in `ticks`, or after SysTick's longest period if that is sooner.
void alarm_in(uint64_t ticks) {
    uint64_t cycles = ticks < max_cycles / cycles_per_tick ? ticks * cycles_per_tick : max_cycles;
    reg(syst_csr) = 0;
    reg(syst_rvr) = static_cast<uint32_t>(cycles < min_cycles ? min_cycles : cycles) - 1;
    reg(syst_cvr) = 0;
    reg(syst_csr) = enable_interrupt_core_clock;
    // Once the count has loaded, the reload value only matters after the alarm: the guard.
    while (reg(syst_cvr) == 0) {}
    reg(syst_rvr) = guard_cycles - 1;
}

}  // namespace

uint64_t cortex_m::time_now() { return time_counter(); }

void cortex_m::timer_start() {
    // The lowest priority, as on the host: a device interrupt and the timer pending together, the
    // device's handler runs first, so a wake-up at a timeout's own tick wins over the timeout.
    reg(shpr3) |= 0xFFu << 24;
    alarm_off();
    time_counter_start();
}

extern "C" void SysTick_Handler() {
    port_irq_state s = port_irq_save();
    alarm_off();
    uint64_t at = time_now();
    bool due = at >= deadline;
    if (due)
        deadline = UINT64_MAX;
    else if (deadline != UINT64_MAX)
        alarm_in(deadline - at);  // a far deadline, one more step
    port_irq_restore(s);
    if (due) port_timer_expired();
}

extern "C" void port_timer_arm(uint64_t when) {
    port_irq_state s = port_irq_save();
    deadline = when;
    uint64_t at = time_now();
    if (when == UINT64_MAX) {
        alarm_off();
    } else if (at >= when) {
        alarm_off();
        reg(icsr) = icsr_pendstset;  // the handler finds it due
    } else {
        alarm_in(when - at);
    }
    port_irq_restore(s);
}
