// x86 bare-metal port (the i386 and x86-64 PC boards), GCC. Everything runs in ring 0 with a flat
// address space (identity-mapped on x86-64). Handlers run on a trap stack: through the TSS's
// interrupt stacks on x86-64, where nothing lands on a coroutine's stack; on i386 the CPU's frame
// and the entry's first pushes do (32 bytes, trap_entry_i386.S) before it moves there.
// port_switch() is an ordinary call.
#pragma once

#include <stddef.h>
#include <stdint.h>

struct port_context {
    void* sp;
};

// Non-zero exactly when interrupts were masked: EFLAGS.IF clear.
typedef uintptr_t port_irq_state;

// No hardware guard region: a slot needs what the stack does.
#define PORT_SLOT_ALIGN 16
#define PORT_STACK_ALIGN 16
// A switch frame (64 bytes on x86-64, 28 on i386), what a trap leaves on i386, and room to run.
#define PORT_STACK_MIN 512
#define PORT_STACK_COUNT 1
// The TSC, whose rate is measured at start-up, scaled to nanoseconds (time_tsc_apic.cpp).
#define PORT_TICK_HZ 1000000000

inline void port_stacks(unsigned char* slot, size_t size, const uint8_t*, port_stack* stacks) {
    stacks[0] = {slot, slot + size, reinterpret_cast<uintptr_t*>(slot), false};
}

extern "C" {

void port_switch(port_context* from, port_context* to);

[[noreturn]] inline void port_switch_final(port_context* from, port_context* to) {
    port_switch(from, to);
    __builtin_unreachable();
}

inline port_irq_state port_irq_save() {
    uintptr_t flags;
    __asm__ volatile("pushf\n\tpop %0\n\tcli" : "=r"(flags)::"memory");
    return (flags & (1u << 9)) ^ (1u << 9);
}

// Sets IF again only if the save found it set.
inline void port_irq_restore(port_irq_state masked) {
    if (!masked) __asm__ volatile("sti" ::: "memory");
}

// The trap entry's count of traps in progress.
extern volatile uint32_t port_trap_depth;

inline bool port_in_irq() { return port_trap_depth != 0; }

inline bool port_irqs_masked() {
    uintptr_t flags;
    __asm__ volatile("pushf\n\tpop %0" : "=r"(flags));
    return (flags & (1u << 9)) == 0;
}
}
