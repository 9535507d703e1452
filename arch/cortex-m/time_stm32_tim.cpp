// Time counter (time_counter.h) from a 32-bit general-purpose timer of the STM32F4,
// TIM2 or TIM5: counting up from its clock through the prescaler, to PORT_TICK_HZ, wrapping at 2^32
// (ARR at its maximum). The board names the instance in TIME_FLAGS: STM32_TIM_BASE, STM32_TIM_IRQ,
// STM32_TIM_RCC_BIT (its enable bit in RCC_APB1ENR) and STM32_TIM_CLOCK_HZ, the timer's input
// clock: APB1's, doubled when APB1 divides the AHB clock.
//
// Two interrupts a wrap, not one: the update at the wrap and compare channel 1 half a wrap away.
// An interrupt exactly once per wrap reads the count 2^32 ticks after the previous one, plus its
// change in latency; when nothing else reads it, a latency no shorter than the last makes the two
// readings look less than a wrap apart (arch/counter64.h), and the wrap goes uncounted.
//
// The count starts at 2^31 and time_counter() takes that off, for QEMU 7.2's model
// (hw/timer/stm32f2xx_timer.c; docs/design.md, "Time under QEMU"). It has no compare interrupts,
// and it schedules the update interrupt ARR + offset ticks after the previous one, or after the
// last write that set the count, the offset being its ticks since reset less the count. Started
// from 0 the offset is the start-up time: the interrupt comes that much later each wrap, and while
// nothing else reads the count it misses wraps. Started from 2^31, it comes every half wrap.
#include "counter64.h"
#include "cortex_m.h"
#include "nvic.h"
#include "port.h"
#include "time_counter.h"

#if !defined(STM32_TIM_BASE) || !defined(STM32_TIM_IRQ) || !defined(STM32_TIM_RCC_BIT) || \
    !defined(STM32_TIM_CLOCK_HZ)
#error "TIME=stm32_tim: board.mk must give -DSTM32_TIM_BASE=<address> -DSTM32_TIM_IRQ=<n> -DSTM32_TIM_RCC_BIT=<n> -DSTM32_TIM_CLOCK_HZ=<Hz> in TIME_FLAGS"
#endif

#define STM32_TIM_HANDLER_(n) irq##n##_handler
#define STM32_TIM_HANDLER(n) STM32_TIM_HANDLER_(n)

namespace {

using cortex_m::reg;

static_assert(STM32_TIM_CLOCK_HZ % PORT_TICK_HZ == 0,
              "the tick rate must divide the timer's clock: the prescaler divides by a whole number");
constexpr uint32_t prescaler = STM32_TIM_CLOCK_HZ / PORT_TICK_HZ - 1;
static_assert(prescaler <= 0xFFFF, "the prescaler has 16 bits");

constexpr uintptr_t cr1 = STM32_TIM_BASE + 0x00;
constexpr uintptr_t dier = STM32_TIM_BASE + 0x0C;
constexpr uintptr_t sr = STM32_TIM_BASE + 0x10;  // flags are cleared by writing 0, and kept by writing 1
constexpr uintptr_t egr = STM32_TIM_BASE + 0x14;
constexpr uintptr_t cnt = STM32_TIM_BASE + 0x24;
constexpr uintptr_t psc = STM32_TIM_BASE + 0x28;
constexpr uintptr_t arr = STM32_TIM_BASE + 0x2C;
constexpr uintptr_t ccr1 = STM32_TIM_BASE + 0x34;

// TIM2 to TIM5 are on APB1 throughout the F4 family.
constexpr uintptr_t rcc_apb1enr = 0x40023840;

constexpr uint32_t counter_enable = 1u << 0;
constexpr uint32_t update = 1u << 0, compare1 = 1u << 1;  // in DIER and SR alike; UG in EGR
constexpr uint32_t start = 1u << 31;

}  // namespace

void cortex_m::time_counter_start() {
    reg(rcc_apb1enr) |= 1u << STM32_TIM_RCC_BIT;
    // STM32F4 erratum: an access just after a clock enable can be lost; the read-back waits it out.
    (void)static_cast<uint32_t>(reg(rcc_apb1enr));
    reg(cr1) = 0;
    reg(psc) = prescaler;
    reg(arr) = 0xFFFFFFFF;
    reg(egr) = update;  // the prescaler is buffered: only an update event loads it
    reg(cnt) = start;
    reg(ccr1) = start;  // time_counter() 0: half a wrap from the update
    reg(sr) = 0;
    reg(dier) = update | compare1;
    irq_set_priority(STM32_TIM_IRQ, 0xFF);
    irq_enable(STM32_TIM_IRQ);
    reg(cr1) = counter_enable;
}

namespace {
port_counter64 counter;  // extended from 32 bits by its reads, two a wrap at the least
}  // namespace

uint64_t cortex_m::time_counter() { return counter.extend(reg(cnt) - start); }

extern "C" void STM32_TIM_HANDLER(STM32_TIM_IRQ)() {
    // Cleared well before the return, so the write has reached the timer before the NVIC looks
    // again and the interrupt is not taken twice.
    reg(sr) = ~(update | compare1);
    (void)port_ticks();
}
