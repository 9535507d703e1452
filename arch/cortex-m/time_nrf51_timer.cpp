// Time source TIME=nrf51_timer: a Nordic nRF51 TIMER is the time base and the timer, for chips with
// no SysTick (the nRF51) or one that stops in WFI (the nRF52, whose TIMERs are the same block). The
// board names the instance in TIME_FLAGS: NRF51_TIMER_BASE and NRF51_TIMER_IRQ; only TIMER0 counts
// 32 bits on the nRF51. It counts up at PORT_TICK_HZ, 16 MHz divided by a power of two (arch.mk sets
// 1 MHz, where the nRF51 runs it from its low-power 1 MHz clock). CC[0] is the deadline's compare,
// CC[1] takes the captures that read the count.
//
// The count is read often enough to extend it to 64 bits because the compare is never set more
// than half a wrap ahead (arch/counter64.h): with no deadline it interrupts once per half wrap,
// 36 minutes at 1 MHz, and does nothing else.
#include "counter64.h"
#include "cortex_m.h"
#include "nvic.h"
#include "port.h"

#if !defined(NRF51_TIMER_BASE) || !defined(NRF51_TIMER_IRQ)
#error "TIME=nrf51_timer: board.mk must give -DNRF51_TIMER_BASE=<address> -DNRF51_TIMER_IRQ=<n> in TIME_FLAGS"
#endif

#define NRF51_TIMER_HANDLER_(n) irq##n##_handler
#define NRF51_TIMER_HANDLER(n) NRF51_TIMER_HANDLER_(n)

namespace {

using cortex_m::reg;

constexpr uintptr_t tasks_start = NRF51_TIMER_BASE + 0x000;
constexpr uintptr_t tasks_stop = NRF51_TIMER_BASE + 0x004;
constexpr uintptr_t tasks_clear = NRF51_TIMER_BASE + 0x00C;
constexpr uintptr_t tasks_capture1 = NRF51_TIMER_BASE + 0x044;
constexpr uintptr_t events_compare0 = NRF51_TIMER_BASE + 0x140;
constexpr uintptr_t intenset = NRF51_TIMER_BASE + 0x304;
constexpr uintptr_t mode = NRF51_TIMER_BASE + 0x504;
constexpr uintptr_t bitmode = NRF51_TIMER_BASE + 0x508;
constexpr uintptr_t prescaler = NRF51_TIMER_BASE + 0x510;
constexpr uintptr_t cc0 = NRF51_TIMER_BASE + 0x540;
constexpr uintptr_t cc1 = NRF51_TIMER_BASE + 0x544;

constexpr uint32_t mode_timer = 0, bitmode_32 = 3, compare0_interrupt = 1u << 16;

constexpr uint32_t prescale() {
    uint32_t p = 0;
    while ((16000000u >> p) > PORT_TICK_HZ) ++p;
    return p;
}
static_assert(prescale() <= 9 && (16000000u >> prescale()) == PORT_TICK_HZ,
              "TIME=nrf51_timer: PORT_TICK_HZ must be 16 MHz divided by 2^0 to 2^9");

port_counter64 counter;
uint64_t deadline = UINT64_MAX;

uint32_t count() {
    reg(tasks_capture1) = 1;
    return reg(cc1);
}


// Sets the compare for `until`, or half a wrap from `at` if that is sooner. A compare set at or just
// behind the count would wait a whole wrap, so a count already there makes the interrupt pending.
void set_alarm(uint64_t at, uint64_t until) {
    uint64_t ahead = until - at < port_counter64_max_arm ? until - at : port_counter64_max_arm;
    auto raw = static_cast<uint32_t>(at);
    reg(cc0) = raw + static_cast<uint32_t>(ahead);
    if (count() - raw >= ahead) cortex_m::irq_pend(NRF51_TIMER_IRQ);
}

}  // namespace

// The low 32 bits are the raw count.
uint64_t cortex_m::time_now() { return counter.extend(count()); }

void cortex_m::timer_start() {
    reg(tasks_stop) = 1;
    reg(tasks_clear) = 1;
    reg(mode) = mode_timer;
    reg(bitmode) = bitmode_32;
    reg(prescaler) = prescale();
    reg(cc0) = static_cast<uint32_t>(port_counter64_max_arm);
    reg(events_compare0) = 0;
    reg(intenset) = compare0_interrupt;
    // The lowest priority, as on the host: a device interrupt and the timer pending together, the
    // device's handler runs first, so a wake-up at a timeout's own tick wins over the timeout.
    irq_set_priority(NRF51_TIMER_IRQ, 0xFF);
    irq_enable(NRF51_TIMER_IRQ);
    reg(tasks_start) = 1;
}

extern "C" void NRF51_TIMER_HANDLER(NRF51_TIMER_IRQ)() {
    port_irq_state s = port_irq_save();
    uint64_t at = cortex_m::time_now();
    // The compare moves away before its event is cleared: QEMU's model sets the event again while
    // a 32-bit compare equals the count. Reading the event back makes the clear reach the
    // peripheral before the handler returns, or the interrupt is taken again (Nordic's advice for
    // any event a handler clears).
    reg(cc0) = static_cast<uint32_t>(at) + static_cast<uint32_t>(port_counter64_max_arm);
    reg(events_compare0) = 0;
    uint32_t cleared = reg(events_compare0);
    (void)cleared;
    bool due = at >= deadline;
    if (due) deadline = UINT64_MAX;
    set_alarm(at, deadline);
    port_irq_restore(s);
    if (due) port_timer_expired();
}

// The nRF51 has no SysTick (QEMU's model gives it one); this source never starts the one it may have.
extern "C" void SysTick_Handler() { port_panic("unexpected interrupt: SysTick"); }

extern "C" void port_timer_arm(uint64_t when) {
    port_irq_state s = port_irq_save();
    deadline = when;
    uint64_t at = cortex_m::time_now();
    if (at >= when)
        cortex_m::irq_pend(NRF51_TIMER_IRQ);  // the handler finds it due
    else
        set_alarm(at, when);
    port_irq_restore(s);
}
