// Time source TIME=systick_tickless: SysTick alone is the time base and the timer, and it runs only
// while something waits on time. With nothing to wait for it is off and nothing interrupts; time
// then stands still, since nothing else counts it. port_ticks() is therefore the core cycles spent
// with a deadline pending, not the time since boot: monotonic, and exact for every wait, which is
// measured from the moment it began, but not a clock for intervals with no deadline in them.
//
// SysTick is a 24-bit down-counter that reloads from RVR on the tick after it reaches 0. While it
// runs, RVR is at its maximum once the first period has loaded; a deadline is reached with a short
// first period. A wrap is counted from COUNTFLAG, never from the count alone (time_systick.cpp says
// why), so nothing else may read the control register.
//
// The count is only ever rewritten while SysTick is off. A nearer deadline than the running period's
// end stops it first, and the count it holds then is what it had counted: there are no cycles
// between a reading and a write that the time could lose or count twice, only the cycles SysTick is
// off, which by the definition above are no time. Starting it again begins a period at that time.
#include "cortex_m.h"
#include "port.h"

using namespace cortex_m;

namespace {

constexpr uint32_t countflag = 1u << 16;
constexpr uint32_t enable_interrupt_core_clock = 7;
constexpr uint32_t icsr_pendstclr = 1u << 25;

constexpr uint32_t max_period = 1u << 24;
// A first period shorter than the start itself could end unseen: a deadline that near fires late.
constexpr uint32_t min_period = 64;

bool running = false;
uint64_t base;  // running: port_ticks() when the current period began; off: port_ticks()
uint32_t period = max_period;
uint64_t deadline = UINT64_MAX;
bool cycles_read = false;  // port_cycles() has been called: SysTick runs from then on

// Reading the control register clears COUNTFLAG.
bool take_countflag() { return (reg(syst_csr) & countflag) != 0; }

// The running count, past the 0 that is the last tick of a period: the reload follows it (QEMU
// shows 0 for a while), and the wrap is counted then.
uint32_t count() {
    uint32_t c;
    while ((c = reg(syst_cvr)) == 0) {}
    return c;
}

// Turns SysTick off and moves what it counted into base. Off, the count holds. A 0 held is the end
// of the period, with COUNTFLAG set or not: QEMU holds a 0 whose expiry it had not yet processed,
// and then never sets the flag. Any other count with the flag set is in the period after a wrap no
// reading had counted, which is a full one (RVR is at its maximum once a period has loaded).
void stop() {
    reg(syst_csr) = 0;
    reg(icsr) = icsr_pendstclr;  // a wrap pended just before: the time is taken here
    uint32_t c = reg(syst_cvr);
    if (take_countflag() && c != 0) {
        base += period;
        period = max_period;
    }
    base += period - c;
    running = false;
}

// Starts SysTick from off, its first period `first` cycles from base.
void start(uint32_t first) {
    reg(syst_rvr) = first - 1;
    reg(syst_csr) = enable_interrupt_core_clock;
    // The count held since the stop goes on for the few cycles to here, and may reach 0: the write
    // discards it and its COUNTFLAG, and the clear drops the interrupt it may have pended.
    reg(syst_cvr) = 0;
    reg(icsr) = icsr_pendstclr;
    while (reg(syst_cvr) == 0) {}  // loaded with first - 1: later periods may be long again
    reg(syst_rvr) = max_period - 1;
    period = first;
    running = true;
    // QEMU in real time shows the 0 after a write for so long that a short first period can be
    // over before the count shows: it then reloaded first - 1 again, or already the maximum.
    if (take_countflag()) {
        base += first;
        if (count() > first) period = max_period;
    }
}

// Makes the counter reach 0 no later than the deadline (a far one takes several periods), or turns
// it off when there is none and nothing reads port_cycles(). `at` is time_now().
void schedule(uint64_t at) {
    if (deadline == UINT64_MAX && !cycles_read) {
        if (running) stop();
        return;
    }
    uint64_t want = deadline - at > max_period ? at + max_period : deadline;
    if (running) {
        if (base + period <= want) return;  // the handler at the period's end goes on from there
        stop();
        at = base;
    }
    uint64_t first = deadline > at ? deadline - at : 0;
    start(first < min_period ? min_period : first > max_period ? max_period : static_cast<uint32_t>(first));
}

}  // namespace

// While running, read at least once a period (the interrupt at each wrap does), or a period is lost.
uint64_t cortex_m::time_now() {
    if (!running) return base;
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
    reg(syst_csr) = 0;
    reg(icsr) = icsr_pendstclr;
    take_countflag();
    running = false;
    base = 0;
}

// A benchmark's cycles must go on while nothing waits on time: from its first reading, SysTick
// never stops, and with no deadline interrupts once a period, as TIME=systick does. This replaces
// port.cpp's port_cycles(), which is port_ticks() alone.
extern "C" uint64_t port_cycles() {
    port_irq_state s = port_irq_save();
    if (!cycles_read) {
        cycles_read = true;
        schedule(time_now());
    }
    uint64_t at = time_now();
    port_irq_restore(s);
    return at;
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
    if (when != UINT64_MAX && at >= when)
        reg(icsr) = icsr_pendstset;  // the handler finds it due
    else
        schedule(at);
    port_irq_restore(s);
}
