// Nuclei's enhanced core-local interrupt controller (ECLIC) of the GD32VF103's Bumblebee core. In
// ECLIC mode every interrupt, the core timer's included, is an ECLIC source, and mie is ignored.
// Each source is level-triggered and non-vectored, so all of them enter port_trap_entry, as the
// exceptions do; trap.cpp sends source 7, the core timer, to the timer and the rest here, and from
// here to their handlers (arch/irq_dispatch.cpp). board.mk gives ECLIC_BASE and BOARD_IRQ_COUNT.
#include "irq_table.h"
#include "port.h"
#include "riscv.h"

#if !defined(ECLIC_BASE) || !defined(BOARD_IRQ_COUNT)
#error "board.mk must give the ECLIC: -DECLIC_BASE=<address> -DBOARD_IRQ_COUNT=<highest source + 1>"
#endif

extern "C" void port_trap_entry();

namespace {

// Every register is a byte; a source's four sit in one word.
inline volatile uint8_t& byte(uintptr_t address) { return *reinterpret_cast<volatile uint8_t*>(address); }

constexpr uintptr_t cliccfg = ECLIC_BASE;        // 4:1 nlbits
constexpr uintptr_t mth = ECLIC_BASE + 0xB;      // the level an interrupt must exceed
constexpr uintptr_t sources = ECLIC_BASE + 0x1000;
constexpr uintptr_t ip = 0, ie = 1, attr = 2, ctl = 3;  // in source i's word, at sources + 4 i
constexpr unsigned timer_source = 7;

inline volatile uint8_t& source(unsigned irq, uintptr_t field) { return byte(sources + 4 * irq + field); }

}  // namespace

void riscv::intc_start() {
    // Everything set, not assumed from reset: the ROM's DFU bootloader may start the image with
    // its own sources still configured. Each source is off until irq_enable(), level-triggered and
    // non-vectored (attr 0), and at clicintctl 0xFF: level 255 whatever nlbits makes of the bits,
    // so above the threshold. Handlers run with mstatus.MIE clear, so levels never nest anyway.
    for (unsigned irq = 0; irq < BOARD_IRQ_COUNT; ++irq) {
        source(irq, ie) = 0;
        source(irq, ip) = 0;  // an edge's leftover; read-only for a level
        source(irq, attr) = 0;
        source(irq, ctl) = 0xFF;
    }
    byte(cliccfg) = 0;
    byte(mth) = 0;
    const auto entry = reinterpret_cast<uintptr_t>(&port_trap_entry);
    // mtvt2 (CSR 0x7EC) with bit 0 set names the non-vectored interrupts' entry; set to the one
    // entry rather than left to whatever the bootloader wrote. mtvec's mode 3 selects ECLIC mode;
    // its base, where exceptions go, needs 64-byte alignment (trap_entry.S aligns it).
    __asm__ volatile(
        "csrw 0x7EC, %0\n\t"
        "csrw mtvec, %1" ::"r"(entry | 1),
        "r"(entry | 3));
}

void riscv::irq_enable(unsigned irq) { source(irq, ie) = 1; }

// The core timer is source 7; its pending bit follows mtime >= mtimecmp, so disabling it here is
// what time_mtimer.cpp's mie.MTIE is on the other controllers.
void riscv::timer_irq(bool on) { source(timer_source, ie) = on ? 1 : 0; }

// mcause's low 12 bits: the source; above them the ECLIC keeps the previous level and mirrors of
// MPIE and MPP, which mret uses. A level source's pending bit clears only once its handler has
// dealt with the device, so nothing is acknowledged here.
void riscv::intc_interrupt(unsigned long mcause) {
    const unsigned irq = mcause & mcause_code;
    weft_irq::dispatch(irq);
}
