// Time counter (time_counter.h) from an APB timer of ARM's Cortex-M System Design Kit,
// as in the MPS2 FPGA images: a 32-bit down-counter at the APB clock, reloading from RELOAD after it
// reaches 0 and interrupting then. Reloading 0xFFFFFFFF, its complement counts up and wraps at 2^32
// (171 s at 25 MHz). The wrap interrupt counts the wraps itself: inferring them from two readings,
// when that interrupt is the only reader, would miss one whenever its latency was no shorter than
// the time before (the readings a whole wrap apart look equal), and in a long idle it always is.
// The board names the instance in TIME_FLAGS: CMSDK_TIMER_BASE and CMSDK_TIMER_IRQ.
#include "cortex_m.h"
#include "nvic.h"
#include "port.h"
#include "time_counter.h"

#if !defined(CMSDK_TIMER_BASE) || !defined(CMSDK_TIMER_IRQ)
#error "TIME=cmsdk_timer: board.mk must give -DCMSDK_TIMER_BASE=<address> -DCMSDK_TIMER_IRQ=<n> in TIME_FLAGS"
#endif

#define CMSDK_TIMER_HANDLER_(n) irq##n##_handler
#define CMSDK_TIMER_HANDLER(n) CMSDK_TIMER_HANDLER_(n)

namespace {

using cortex_m::reg;

constexpr uintptr_t ctrl = CMSDK_TIMER_BASE + 0x0;
constexpr uintptr_t value = CMSDK_TIMER_BASE + 0x4;
constexpr uintptr_t reload = CMSDK_TIMER_BASE + 0x8;
constexpr uintptr_t intclear = CMSDK_TIMER_BASE + 0xC;  // INTSTATUS when read; a 1 written clears it

constexpr uint32_t enable = 1u << 0, interrupt_enable = 1u << 3;

}  // namespace

void cortex_m::time_counter_start() {
    reg(ctrl) = 0;
    reg(reload) = 0xFFFFFFFF;
    reg(value) = 0xFFFFFFFF;
    reg(intclear) = 1;
    irq_set_priority(CMSDK_TIMER_IRQ, 0xFF);
    irq_enable(CMSDK_TIMER_IRQ);
    reg(ctrl) = enable | interrupt_enable;
}

namespace {

uint32_t wraps;  // counted by the interrupt, so only with it taken

// The count's complement, past the 0 that ends a wrap: the interrupt is raised on it and the
// reload follows, so a reading with the interrupt pending is after the wrap.
uint32_t count() {
    uint32_t v;
    while ((v = reg(value)) == 0) {}
    return ~v;
}

}  // namespace

uint64_t cortex_m::time_counter() {
    uint32_t low = count();
    uint32_t high = wraps;
    if (reg(intclear) & 1) {  // a wrap not counted yet; it may have come after the first reading
        low = count();
        ++high;
    }
    return uint64_t{high} << 32 | low;
}

extern "C" void CMSDK_TIMER_HANDLER(CMSDK_TIMER_IRQ)() {
    port_irq_state s = port_irq_save();
    if (reg(intclear) & 1) {  // an entry with no wrap showing (a stray pend, a re-entry) counts none
        reg(intclear) = 1;
        ++wraps;
        (void)static_cast<uint32_t>(reg(intclear));  // the clear has landed before the return
    }
    port_irq_restore(s);
}
