// x86 bare-metal (i386 and x86-64): port I/O, MSRs, CPUID, the TSC, and the port's internal entry
// points, shared by start-up, traps, the timer and the interrupt controller.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace x86 {

inline uint8_t inb(uint16_t port) {
    uint8_t v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}
inline void outb(uint16_t port, uint8_t v) { __asm__ volatile("outb %0, %1" ::"a"(v), "Nd"(port)); }
inline void outw(uint16_t port, uint16_t v) { __asm__ volatile("outw %0, %1" ::"a"(v), "Nd"(port)); }

inline uint64_t rdmsr(uint32_t msr) {
    uint32_t lo, hi;
    __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
    return uint64_t{hi} << 32 | lo;
}
inline void wrmsr(uint32_t msr, uint64_t v) {
    __asm__ volatile("wrmsr" ::"c"(msr), "a"(static_cast<uint32_t>(v)), "d"(static_cast<uint32_t>(v >> 32)) : "memory");
}

struct Cpuid {
    uint32_t eax, ebx, ecx, edx;
};
inline Cpuid cpuid(uint32_t leaf, uint32_t sub = 0) {
    Cpuid r;
    __asm__ volatile("cpuid" : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx) : "a"(leaf), "c"(sub));
    return r;
}

inline uint64_t rdtsc() {
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return uint64_t{hi} << 32 | lo;
}

inline volatile uint32_t& reg(uintptr_t address) { return *reinterpret_cast<volatile uint32_t*>(address); }

// EFLAGS.IF: interrupts enabled.
inline constexpr uintptr_t flags_if = 1u << 9;

// Exit statuses that tell a panic and a fault apart from main()'s own return values.
inline constexpr int exit_panic = 101;
inline constexpr int exit_fault = 102;

// Interrupt vectors: 0-31 the CPU's exceptions, then the PICs' 16 lines, the local APIC timer, and
// the APIC's spurious vector (its low four bits must be ones on older APICs).
inline constexpr unsigned vector_pic = 0x20;
inline constexpr unsigned vector_timer = 0x30;
inline constexpr unsigned vector_spurious = 0xFF;

// What trap_entry_<arch>.S saved and the CPU pushed, as port_trap() sees it: the vector, the error
// code (0 where the CPU pushes none), then the CPU's frame from the interrupted instruction on.
struct TrapFrame {
    uintptr_t vector, error, ip, cs, flags;
};

// The interrupt descriptor table and, on x86-64, the TSS with its interrupt stacks (trap.cpp).
void traps_start();

// The legacy PICs (intc_pic.cpp): remapped to vector_pic, every line masked; the handler of their
// vectors; unmasking a line for boards and drivers.
void intc_start();
void intc_interrupt(unsigned line);
void irq_enable(unsigned line);

// The TSC as time source and the local APIC timer as the alarm (time_tsc_apic.cpp): rates measured,
// nothing armed. The handler of vector_timer.
void timer_start();
void timer_interrupt();

}  // namespace x86
