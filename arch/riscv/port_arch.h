// RISC-V port (RV32 and RV64, machine mode only), GCC. Coroutines and main() run in machine mode on
// their own stacks; every trap runs on the trap stack (trap_entry.S), so an interrupt costs a
// coroutine's stack nothing. port_switch() is an ordinary call.
#pragma once

#include <stddef.h>
#include <stdint.h>

struct port_context {
    void* sp;
};

// Non-zero exactly when interrupts were masked: the inverse of the saved mstatus.MIE bit.
typedef unsigned long port_irq_state;

// A slot's canary takes 32 bytes, and the PMP guard above it is a TOR range, 4-byte aligned; the
// ABI keeps sp 16-aligned.
#define PORT_SLOT_ALIGN 32
#define PORT_STACK_ALIGN 16
// A switch frame (128 bytes on RV64, 112 more with the FPU block) and room to run: traps take
// nothing from a coroutine's stack. With the PMP guard, the canary and the guard below it as well.
#define PORT_STACK_MIN (512 + (PORT_PMP_GUARD ? 32 + PORT_PMP_GUARD_BYTES : 0))
#define PORT_STACK_COUNT 1
// The machine timer's rate (mtime): 10 MHz on QEMU's virt, 32768 Hz on the FE310, a quarter of
// the core clock on the GD32VF103.
#ifndef PORT_TICK_HZ
#define PORT_TICK_HZ BOARD_TIMER_HZ
#endif

// STACK_GUARD=pmp (PORT_PMP_GUARD): a slot's lowest 32 bytes keep the kernel's canary, the next
// PORT_PMP_GUARD_BYTES (arch.mk: 480, deeper than any frame tools/frame-check finds unwritten) are
// the PMP guard region, which admits nothing while the stack's context runs, and the stack is above
// them. Without it the stack starts at the canary.
#ifndef PORT_PMP_GUARD
#define PORT_PMP_GUARD 0
#endif
#ifndef PORT_PMP_GUARD_BYTES
#define PORT_PMP_GUARD_BYTES 0
#endif
static_assert(!PORT_PMP_GUARD || (PORT_PMP_GUARD_BYTES % 16 == 0 && PORT_PMP_GUARD_BYTES / 4 <= 2047),
              "PORT_PMP_GUARD_BYTES: a multiple of 16 whose pmpaddr span an addi can add");
inline void port_stacks(unsigned char* slot, size_t size, const uint8_t*, port_stack* stacks) {
    constexpr size_t below = PORT_PMP_GUARD ? 32 + PORT_PMP_GUARD_BYTES : 0;
    stacks[0] = {slot + below, slot + size, reinterpret_cast<uintptr_t*>(slot), false};
}

extern "C" {

void port_switch(port_context* from, port_context* to);

[[noreturn]] inline void port_switch_final(port_context* from, port_context* to) {
    port_switch(from, to);
    __builtin_unreachable();
}

// mstatus.MIE alone: machine mode has no priority threshold every core shares (the PLIC's and
// ECLIC's differ), and the kernel's masked sections are short.
inline port_irq_state port_irq_save() {
    unsigned long mstatus;
    __asm__ volatile("csrrci %0, mstatus, 8" : "=r"(mstatus)::"memory");
    return (mstatus & 8) ^ 8;
}

// Sets MIE again only if the save found it set; branch-free.
inline void port_irq_restore(port_irq_state masked) {
    __asm__ volatile("csrs mstatus, %0" ::"r"(masked ^ 8) : "memory");
}

// The trap entry's count of traps in progress.
extern volatile uint32_t port_trap_depth;

inline bool port_in_irq() { return port_trap_depth != 0; }

inline bool port_irqs_masked() {
    unsigned long mstatus;
    __asm__ volatile("csrr %0, mstatus" : "=r"(mstatus));
    return (mstatus & 8) == 0;
}
}
