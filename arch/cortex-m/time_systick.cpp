// Time source TIME=systick: SysTick alone is the time base and the timer, for chips with no other
// timer the port knows. It can never stop, since it keeps the time: with nothing to wait for it
// still interrupts once a period (2^24 cycles) so that every wrap is counted. Where time may stand
// still while nothing waits on it, time_systick_tickless.cpp turns SysTick off instead.
//
// SysTick is a 24-bit down-counter that reloads from RVR on the tick after it reaches 0. RVR stays
// at its maximum; a deadline nearer than the end of the period restarts the counter with a short
// first period, which loses the few cycles between reading and clearing it.
//
// A wrap is counted from COUNTFLAG, which the hardware sets as the count reaches 0 and a read of
// the control register clears, and never from the count alone: the count after a whole period can
// equal the one before it. It always does when the handler is the only reader, as in a long idle
// wait, since it reads at the same distance from every reload. So nothing else may read the
// control register.
#include "cortex_m.h"
#include "port.h"

using namespace cortex_m;

namespace {

constexpr uint32_t countflag = 1u << 16;
constexpr uint32_t enable_interrupt_core_clock = 7;

constexpr uint32_t max_period = 1u << 24;
// A first period shorter than the restart itself could end unseen: a deadline that near fires late.
constexpr uint32_t min_period = 64;

uint64_t base;  // port_ticks() when the current period began
uint32_t period = max_period;
uint64_t deadline = UINT64_MAX;

// Reading the control register clears COUNTFLAG.
bool take_countflag() { return (reg(syst_csr) & countflag) != 0; }

// The count, past the 0 that is the last tick of a period: the reload follows it (QEMU shows 0 for
// a while), and the wrap is counted then.
uint32_t count() {
    uint32_t c;
    while ((c = reg(syst_cvr)) == 0) {}
    return c;
}


void restart(uint64_t at, uint32_t first) {
    reg(syst_rvr) = first - 1;
    reg(syst_cvr) = 0;  // also clears COUNTFLAG: a wrap of the period given up does not count
    while (reg(syst_cvr) == 0) {}  // loaded with first - 1: later periods may be long again
    reg(syst_rvr) = max_period - 1;
    base = at;
    period = first;
    // QEMU in real time shows the 0 after a write for so long that a short first period can be
    // over before the count shows: it then reloaded first - 1 again, or already the maximum.
    if (take_countflag()) {
        base += first;
        if (count() > first) period = max_period;
    }
}

// Makes the counter reach 0 no later than the deadline; a far one takes several periods.
void schedule(uint64_t at) {
    uint64_t want = deadline - at > max_period ? at + max_period : deadline;
    if (base + period <= want) return;
    uint64_t first = want - at;
    restart(at, first < min_period ? min_period : static_cast<uint32_t>(first));
}

}  // namespace

// Read at least once a period (the interrupt at each wrap does), or a period is lost.
uint64_t cortex_m::time_now() {
    uint32_t before = count();
    bool wrapped = take_countflag();
    uint32_t after = count();
    if (!wrapped && after > before) {
        // It wrapped after the flag was read, and set the flag again: clear it, or it counts twice.
        wrapped = true;
        take_countflag();
    }
    if (wrapped) {
        base += period;
        period = max_period;
    }
    return base + period - after;
}

void cortex_m::timer_start() {
    // The lowest priority, as on the host: a device interrupt and the timer pending together, the
    // device's handler runs first, so a wake-up at a timeout's own tick wins over the timeout.
    reg(shpr3) |= 0xFFu << 24;
    reg(syst_rvr) = max_period - 1;
    reg(syst_csr) = enable_interrupt_core_clock;
    restart(0, max_period);
}

extern "C" void SysTick_Handler() {
    port_irq_state s = port_irq_save();
    uint64_t at = time_now();
    bool due = at >= deadline;
    if (due) deadline = UINT64_MAX;
    schedule(at);
    port_irq_restore(s);
    if (due) port_timer_expired();
}

extern "C" void port_timer_arm(uint64_t when) {
    port_irq_state s = port_irq_save();
    deadline = when;
    uint64_t at = time_now();
    if (at >= when)
        reg(icsr) = icsr_pendstset;  // the handler finds it due
    else
        schedule(at);
    port_irq_restore(s);
}
