// The phase sweep's spare interrupt on Cortex-M (target-tests/phase_irq.h): a timer the port's time
// source leaves alone, named by board.mk's PHASE_IRQ_FLAGS. Each counts at the kernel's tick rate
// or from the same clock, so an arming n ticks ahead interrupts n ticks later, at the same
// instruction every run under -icount:
// - PHASE_CMSDK_TIMER_BASE, PHASE_CMSDK_TIMER_IRQ: a CMSDK APB timer (timer 1 on the MPS2 images),
//   counting down at the APB clock, the kernel's tick;
// - PHASE_NRF51_TIMER_BASE, PHASE_NRF51_TIMER_IRQ: an nRF51 TIMER (TIMER1, 16 bits) prescaled to
//   the tick rate, interrupting on compare 0;
// - PHASE_GPTM_BASE, PHASE_GPTM_IRQ, PHASE_GPTM_GATE, PHASE_GPTM_GATE_BIT: a Stellaris general-
//   purpose timer (Timer1 on the LM3S6965) as one 32-bit one-shot count-down at the system clock,
//   the SysTick's and so the kernel's tick, with its clock gate (RCGC1's bit);
// - PHASE_STM32_TIM_BASE, PHASE_STM32_TIM_IRQ, PHASE_STM32_TIM_RCC_BIT, PHASE_STM32_TIM_CLOCK_HZ:
//   an STM32F4 general-purpose timer (TIM2 on the netduinoplus2) as QEMU 7.2's model has it
//   (hw/timer/stm32f2xx_timer.c), counting at its clock, several of them to the kernel's tick, so
//   the sweep places a phase at each of its counts (split()). That model schedules the update
//   interrupt ARR + offset counts after a write to ARR, the offset being its counts since reset
//   less the count last written: 0 while the count is never written, as here. So only ARR is
//   written, and the interrupt comes ARR counts (nanoseconds, one instruction each under -icount)
//   after that write. Its re-arming after each interrupt finds the counter disabled and stops;
//   real hardware counts differently, and no real board names this timer.
// Its priority is above the kernel's timer (0xFF): pending together at one tick, the wake goes first,
// as design.md has a device interrupt due at a timeout's tick do.
#include "phase_irq.h"

#include "cortex_m.h"
#include "nvic.h"
#include "port.h"

#define PHASE_HANDLER_(n) irq##n##_handler
#define PHASE_HANDLER(n) PHASE_HANDLER_(n)

#if defined(PHASE_CMSDK_TIMER_BASE) && defined(PHASE_CMSDK_TIMER_IRQ)
#define PHASE_IRQ PHASE_CMSDK_TIMER_IRQ

namespace {

using cortex_m::reg;

constexpr uintptr_t ctrl = PHASE_CMSDK_TIMER_BASE + 0x0;
constexpr uintptr_t value = PHASE_CMSDK_TIMER_BASE + 0x4;
constexpr uintptr_t reload = PHASE_CMSDK_TIMER_BASE + 0x8;
constexpr uintptr_t intclear = PHASE_CMSDK_TIMER_BASE + 0xC;  // a 1 written clears the interrupt
constexpr uint32_t enable = 1u << 0, interrupt_enable = 1u << 3;

void timer_stop() {
    reg(ctrl) = 0;
    reg(intclear) = 1;
    (void)static_cast<uint32_t>(reg(intclear));  // the clear has landed before the NVIC looks again
}

// The count reaches 0, and interrupts, `ticks` after this; the reload of 0 is stopped by then.
void timer_start(uint32_t ticks, unsigned) {
    reg(reload) = 0;
    reg(value) = ticks;
    reg(ctrl) = enable | interrupt_enable;
}

}  // namespace

#elif defined(PHASE_NRF51_TIMER_BASE) && defined(PHASE_NRF51_TIMER_IRQ)
#define PHASE_IRQ PHASE_NRF51_TIMER_IRQ

namespace {

using cortex_m::reg;

constexpr uintptr_t tasks_start = PHASE_NRF51_TIMER_BASE + 0x000;
constexpr uintptr_t tasks_stop = PHASE_NRF51_TIMER_BASE + 0x004;
constexpr uintptr_t tasks_clear = PHASE_NRF51_TIMER_BASE + 0x00C;
constexpr uintptr_t events_compare0 = PHASE_NRF51_TIMER_BASE + 0x140;
constexpr uintptr_t intenset = PHASE_NRF51_TIMER_BASE + 0x304;
constexpr uintptr_t intenclr = PHASE_NRF51_TIMER_BASE + 0x308;
constexpr uintptr_t mode = PHASE_NRF51_TIMER_BASE + 0x504;
constexpr uintptr_t bitmode = PHASE_NRF51_TIMER_BASE + 0x508;
constexpr uintptr_t prescaler = PHASE_NRF51_TIMER_BASE + 0x510;
constexpr uintptr_t cc0 = PHASE_NRF51_TIMER_BASE + 0x540;
constexpr uint32_t mode_timer = 0, bitmode_16 = 0, compare0_interrupt = 1u << 16;

constexpr uint32_t prescale() {
    uint32_t p = 0;
    while ((16000000u >> p) > PORT_TICK_HZ) ++p;
    return p;
}
static_assert((16000000u >> prescale()) == PORT_TICK_HZ, "PHASE_NRF51_TIMER: the tick rate is 16 MHz / 2^n");

void timer_stop() {
    reg(tasks_stop) = 1;
    reg(intenclr) = compare0_interrupt;
    reg(events_compare0) = 0;
    (void)static_cast<uint32_t>(reg(events_compare0));  // the clear has landed (as in time_nrf51_timer.cpp)
}

// Counts from 0 at the tick rate and interrupts on reaching `ticks` (16 bits: the sweep's spans).
void timer_start(uint32_t ticks, unsigned) {
    reg(tasks_clear) = 1;
    reg(mode) = mode_timer;
    reg(bitmode) = bitmode_16;
    reg(prescaler) = prescale();
    reg(cc0) = ticks > 0xFFFF ? 0xFFFF : ticks;
    reg(intenset) = compare0_interrupt;
    reg(tasks_start) = 1;
}

}  // namespace

#elif defined(PHASE_GPTM_BASE) && defined(PHASE_GPTM_IRQ) && defined(PHASE_GPTM_GATE) && defined(PHASE_GPTM_GATE_BIT)
#define PHASE_IRQ PHASE_GPTM_IRQ

namespace {

using cortex_m::reg;

constexpr uintptr_t cfg = PHASE_GPTM_BASE + 0x000;
constexpr uintptr_t tamr = PHASE_GPTM_BASE + 0x004;
constexpr uintptr_t ctl = PHASE_GPTM_BASE + 0x00C;
constexpr uintptr_t imr = PHASE_GPTM_BASE + 0x018;
constexpr uintptr_t icr = PHASE_GPTM_BASE + 0x024;
constexpr uintptr_t tailr = PHASE_GPTM_BASE + 0x028;
constexpr uint32_t timer_a_enable = 1u << 0, timeout = 1u << 0, one_shot = 1, whole_32_bits = 0;

void timer_stop() {
    reg(ctl) = 0;
    reg(imr) = 0;
    reg(icr) = timeout;
    (void)static_cast<uint32_t>(reg(icr));  // the clear has landed before the NVIC looks again
}

// Counts down from `ticks` and interrupts on reaching 0, once.
void timer_start(uint32_t ticks, unsigned) {
    reg(PHASE_GPTM_GATE) = reg(PHASE_GPTM_GATE) | 1u << PHASE_GPTM_GATE_BIT;
    reg(cfg) = whole_32_bits;
    reg(tamr) = one_shot;
    reg(tailr) = ticks;
    reg(imr) = timeout;
    reg(ctl) = timer_a_enable;
}

}  // namespace

#elif defined(PHASE_STM32_TIM_BASE) && defined(PHASE_STM32_TIM_IRQ) && defined(PHASE_STM32_TIM_RCC_BIT) && \
    defined(PHASE_STM32_TIM_CLOCK_HZ)
#define PHASE_IRQ PHASE_STM32_TIM_IRQ

namespace {

using cortex_m::reg;

constexpr uintptr_t cr1 = PHASE_STM32_TIM_BASE + 0x00;
constexpr uintptr_t dier = PHASE_STM32_TIM_BASE + 0x0C;
constexpr uintptr_t sr = PHASE_STM32_TIM_BASE + 0x10;
constexpr uintptr_t arr = PHASE_STM32_TIM_BASE + 0x2C;
constexpr uintptr_t rcc_apb1enr = 0x40023840;  // TIM2 to TIM5 are on APB1
constexpr uint32_t counter_enable = 1u << 0, update = 1u << 0;

static_assert(PHASE_STM32_TIM_CLOCK_HZ % PORT_TICK_HZ == 0,
              "PHASE_STM32_TIM: a tick is a whole number of counts");
constexpr unsigned parts = PHASE_STM32_TIM_CLOCK_HZ / PORT_TICK_HZ;
#define PHASE_PARTS parts

// Disabled, the model's alarm still set does nothing when it comes, and sets no other.
void timer_stop() {
    reg(cr1) = 0;
    reg(dier) = 0;
    reg(sr) = 0;
    (void)static_cast<uint32_t>(reg(sr));  // the clear has landed before the NVIC looks again
}

// Interrupts `ticks` kernel ticks and `part` counts after the write to ARR, which replaces any
// alarm the model still has set; the counter is enabled only after it, so none of those comes.
void timer_start(uint32_t ticks, unsigned part) {
    reg(rcc_apb1enr) = reg(rcc_apb1enr) | 1u << PHASE_STM32_TIM_RCC_BIT;
    (void)static_cast<uint32_t>(reg(rcc_apb1enr));  // STM32F4 erratum: the access after an enable
    reg(dier) = update;
    reg(arr) = ticks * parts + part;
    reg(cr1) = counter_enable;
}

}  // namespace

#endif

#if !defined(PHASE_PARTS)
#define PHASE_PARTS 1u  // the timers above count in whole ticks
#endif

#if defined(PHASE_IRQ)

namespace phase = weft::test::phase_irq;

const char* phase::unavailable() { return nullptr; }

weft::Tick phase::step() { return 1; }

unsigned phase::split() { return PHASE_PARTS; }

void phase::timer::enable() {
    cortex_m::irq_set_priority(PHASE_IRQ, 0x80);  // above the kernel's timer (0xFF)
    cortex_m::irq_enable(PHASE_IRQ);
}

void phase::timer::stop() {
    timer_stop();
    cortex_m::irq_unpend(PHASE_IRQ);
}

void phase::timer::start(Tick ahead, unsigned part) {
    if (ahead == 0 && part == 0)
        cortex_m::irq_pend(PHASE_IRQ);
    else
        timer_start(static_cast<uint32_t>(ahead), part);
}

// One shot: stopped before the handler runs, so it does not come again.
extern "C" void PHASE_HANDLER(PHASE_IRQ)() {
    timer_stop();
    phase::fired();
}

#endif
