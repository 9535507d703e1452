// RISC-V machine-mode registers and the port's internal entry points, shared by start-up, traps,
// the timer and the interrupt controller.
#pragma once

#include <stdint.h>

#define RISCV_CSR_READ(csr)                                \
    ({                                                     \
        unsigned long value_;                              \
        __asm__ volatile("csrr %0, " #csr : "=r"(value_)); \
        value_;                                            \
    })

namespace riscv {

inline volatile uint32_t& reg(uintptr_t address) { return *reinterpret_cast<volatile uint32_t*>(address); }

inline constexpr unsigned long mstatus_mie = 1ul << 3;
inline constexpr unsigned long mstatus_mpp = 3ul << 11;
inline constexpr unsigned long mstatus_fs = 3ul << 13;
inline constexpr unsigned long mstatus_fs_initial = 1ul << 13;
inline constexpr unsigned long mstatus_mprv = 1ul << 17;
inline constexpr unsigned long mie_mtie = 1ul << 7;
inline constexpr unsigned long mie_meie = 1ul << 11;
inline constexpr unsigned long mcause_interrupt = 1ul << (sizeof(unsigned long) * 8 - 1);
// The exception or interrupt code: the ECLIC keeps more above it (the previous interrupt level,
// mirrors of MPIE and MPP) in exceptions' mcause too; elsewhere those bits are 0.
inline constexpr unsigned long mcause_code = 0xFFF;

// Exit statuses that tell a panic and a fault apart from main()'s own return values.
inline constexpr int exit_panic = 101;
inline constexpr int exit_fault = 102;

// The start of what trap_entry.S saved (the caller-saved registers follow); port_trap() may
// change mepc and mstatus.
struct TrapFrame {
    unsigned long mepc, mstatus, sp;
};

// The machine timer (time_mtimer.cpp): starts it with nothing armed, before constructors run.
void timer_start();
// mtime, in ticks of PORT_TICK_HZ.
uint64_t time_now();
// The machine timer's interrupt: disarms it and tells the kernel.
void timer_interrupt();
// With PORT_IDLE_WAKE_TICKS (QEMU boards, time_mtimer.cpp): arms a wake-up that far ahead if
// nothing is armed, for port_idle().
void idle_wake_arm();

// The interrupt controller (intc_plic.cpp or intc_eclic.cpp): start-up, and the handler of a
// machine external interrupt (or, with the ECLIC, of every interrupt but the timer's) with its
// mcause.
void intc_start();
void intc_interrupt(unsigned long mcause);

// Enables device interrupt `irq` at the controller, for boards and drivers' wiring.
void irq_enable(unsigned irq);

// Enables or disables the machine timer's interrupt (mie.MTIE, or its ECLIC source).
void timer_irq(bool on);

}  // namespace riscv
