// The machine timer (the CLINT's on virt and the FE310, the core timer on the GD32VF103): the
// 64-bit mtime keeps time, mtimecmp takes the next deadline only, and the timer's interrupt is
// enabled only while a deadline is armed, so nothing interrupts while nothing waits on time.
// Cancelling disables the interrupt rather than moving mtimecmp to the end of time: QEMU 7.2 turns
// an mtimecmp of 2^64 - 1 into a timer at the end of its virtual clock, which -icount sleep=off
// then warps to, and spins there. board.mk gives the two registers' addresses (MTIME_ADDR,
// MTIMECMP_ADDR).
//
// Under QEMU 7.2 with -icount sleep=off a core idle in WFI with no virtual timer pending stalls
// the emulator for good: its vCPU thread spins holding the lock that the I/O thread needs, so input
// never arrives. The QEMU boards therefore set PORT_IDLE_WAKE_TICKS: port_idle() with nothing armed
// arms the timer that far ahead, and that wake-up alone does not reach the kernel. Real boards
// leave it unset and stay strictly tickless.
#include "port.h"
#include "riscv.h"

#if !defined(MTIME_ADDR) || !defined(MTIMECMP_ADDR)
#error "board.mk must give the machine timer: -DMTIME_ADDR=<mtime> -DMTIMECMP_ADDR=<mtimecmp, hart 0>"
#endif

using riscv::reg;

namespace {

constexpr uintptr_t mtime = MTIME_ADDR, mtimecmp = MTIMECMP_ADDR;

void set_compare(uint64_t deadline) {
#if __riscv_xlen == 32
    // Never through a value below both the old and the new compare: no early interrupt.
    reg(mtimecmp) = 0xFFFFFFFF;
    reg(mtimecmp + 4) = static_cast<uint32_t>(deadline >> 32);
    reg(mtimecmp) = static_cast<uint32_t>(deadline);
#else
    *reinterpret_cast<volatile uint64_t*>(mtimecmp) = deadline;
#endif
}

#ifdef PORT_IDLE_WAKE_TICKS
// Whose deadline mtimecmp holds while the timer's interrupt is enabled.
enum class Armed : uint8_t { none, kernel, idle } armed;
#endif

}  // namespace

uint64_t riscv::time_now() {
#if __riscv_xlen == 32
    // High, low, high: a carry between the halves shows as a changed high word.
    uint32_t hi, lo;
    do {
        hi = reg(mtime + 4);
        lo = reg(mtime);
    } while (reg(mtime + 4) != hi);
    return uint64_t{hi} << 32 | lo;
#else
    return *reinterpret_cast<volatile uint64_t*>(mtime);
#endif
}

void riscv::timer_start() { timer_irq(false); }

void riscv::timer_interrupt() {
    timer_irq(false);  // mtimecmp stays behind mtime, pending but disabled; the kernel arms the next
#ifdef PORT_IDLE_WAKE_TICKS
    bool idle = armed == Armed::idle;
    armed = Armed::none;
    if (idle) return;
#endif
    port_timer_expired();
}

#ifdef PORT_IDLE_WAKE_TICKS
void riscv::idle_wake_arm() {
    if (armed != Armed::none) return;
    set_compare(time_now() + PORT_IDLE_WAKE_TICKS);
    armed = Armed::idle;
    timer_irq(true);
}
#endif

// A deadline already past leaves the interrupt pending, taken as soon as it is enabled, as port.h
// asks.
extern "C" void port_timer_arm(uint64_t deadline) {
    port_irq_state s = port_irq_save();
#ifdef PORT_IDLE_WAKE_TICKS
    armed = deadline != UINT64_MAX ? Armed::kernel : Armed::none;
#endif
    if (deadline == UINT64_MAX) {
        riscv::timer_irq(false);
    } else {
        set_compare(deadline);
        riscv::timer_irq(true);
    }
    port_irq_restore(s);
}
