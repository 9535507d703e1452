// The platform-level interrupt controller (PLIC) of QEMU's virt and the FE310, hart 0's machine-
// mode context: every device interrupt at priority 1 over a threshold of 0, taken through the
// machine external interrupt; each claimed source goes to its handler (arch/irq_dispatch.cpp). board.mk
// gives PLIC_BASE and BOARD_IRQ_COUNT.
#include "irq_table.h"
#include "port.h"
#include "riscv.h"

#if !defined(PLIC_BASE) || !defined(BOARD_IRQ_COUNT)
#error "board.mk must give the PLIC: -DPLIC_BASE=<address> -DBOARD_IRQ_COUNT=<sources + 1>"
#endif

using riscv::reg;

namespace {

constexpr uintptr_t priority = PLIC_BASE;              // one word per source
constexpr uintptr_t enable = PLIC_BASE + 0x2000;       // context 0: hart 0, machine mode
constexpr uintptr_t threshold = PLIC_BASE + 0x200000;  // context 0
constexpr uintptr_t claim = PLIC_BASE + 0x200004;      // read claims, write completes

}  // namespace

void riscv::intc_start() {
    reg(threshold) = 0;
    __asm__ volatile("csrs mie, %0" ::"r"(mie_meie));
}

void riscv::irq_enable(unsigned irq) {
    reg(priority + 4 * irq) = 1;
    volatile uint32_t& bits = reg(enable + 4 * (irq / 32));
    bits = bits | 1u << (irq % 32);
}

// The CLINT's timer interrupt is the core's own, outside the PLIC.
void riscv::timer_irq(bool on) {
    if (on)
        __asm__ volatile("csrs mie, %0" ::"r"(mie_mtie));
    else
        __asm__ volatile("csrc mie, %0" ::"r"(mie_mtie));
}

// Claims until nothing is pending, so two sources pending together cost one trap.
void riscv::intc_interrupt(unsigned long) {
    while (uint32_t irq = reg(claim)) {
        weft_irq::dispatch(irq);
        reg(claim) = irq;
    }
}
