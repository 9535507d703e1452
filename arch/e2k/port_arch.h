// e2k (MCST Elbrus) port, bare metal in privileged mode, iset v3 to v6: the saved context, the
// carving of a slot into the three stacks every e2k context has, and interrupt masking through
// UPSR. The switch and the fresh-context set-up are assembly (switch_e2k_lp64.S,
// context_init_e2k_lp64.S; the layout in context_layout.h, shared with them). There is no e2k
// board yet, so no boot, trap entry or timer: docs/ports/e2k.md says what exists and what was
// verified. Compiled only by MCST's lcc, which is not available here.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "context_layout.h"

// The registers that make a context (context_layout.h): its chain registers, its three stacks'
// registers and the floating-point control and status. Not UPSR: the interrupt mask is the CPU's
// and passes through a switch, as on the other ports.
struct alignas(PORT_E2K_CONTEXT_ALIGN) port_context {
    uint64_t words[PORT_E2K_CONTEXT_SIZE / 8];
};

// Non-zero exactly when interrupts were masked: UPSR.ie clear.
typedef uint32_t port_irq_state;

// Every stack's base and size must be a multiple of 4 KiB (the procedure and chain stacks' registers
// hold them so), so slots are too.
#define PORT_SLOT_ALIGN 4096
#define PORT_STACK_ALIGN 16
// A page for each of the three stacks, and a page more of the data stack to run on.
#define PORT_STACK_MIN (4 * 4096)
#define PORT_STACK_COUNT 3
// The board's timer rate, once there is a board.
#ifndef PORT_TICK_HZ
#define PORT_TICK_HZ BOARD_TIMER_HZ
#endif

// A slot, from the bottom: the data stack (grows down from its top, SBR), then the procedure stack
// (register windows spill there, 32 bytes a quad register; grows up) and the chain stack (32 bytes
// a call level; grows up), each a whole number of pages: by `split`'s weights, or by default half
// the slot for data, three eighths for procedures, an eighth for chains, at least a page each.
// Canaries: below the data stack (the slot's first word), and the last word of each hardware stack.
inline void port_stacks(unsigned char* slot, size_t size, const uint8_t* split, port_stack* stacks) {
    constexpr size_t page = 4096;
    static constexpr uint8_t fallback[3] = {4, 3, 1};
    const uint8_t* w = split != nullptr ? split : fallback;
    size_t pages = size / page, total = size_t{w[0]} + w[1] + w[2];
    size_t chain = pages * w[2] / total, procedure = pages * w[1] / total;
    if (chain == 0) chain = 1;
    if (procedure == 0) procedure = 1;
    unsigned char* ps = slot + (pages - procedure - chain) * page;
    unsigned char* pcs = ps + procedure * page;
    unsigned char* end = pcs + chain * page;
    stacks[0] = {slot, ps, reinterpret_cast<uintptr_t*>(slot), false};
    stacks[1] = {ps, pcs, reinterpret_cast<uintptr_t*>(pcs) - 1, true};
    stacks[2] = {pcs, end, reinterpret_cast<uintptr_t*>(end) - 1, true};
}

extern "C" {

void port_switch(port_context* from, port_context* to);
[[noreturn]] void port_switch_final(port_context* from, port_context* to);
void port_context_init(port_context* ctx, const port_stack* stacks, void (*entry)(void*), void* arg);

// UPSR.ie (bit 5): PSR is per call frame and comes back on every return, so masking is UPSR's, as
// on Linux and Embox.
inline port_irq_state port_irq_save() {
    uint32_t upsr;
    __asm__ volatile("rrs %%upsr, %0" : "=r"(upsr));
    __asm__ volatile("rws %0, %%upsr" ::"r"(upsr & ~uint32_t{0x20}) : "memory");
    return (upsr & 0x20) ^ 0x20;
}

inline void port_irq_restore(port_irq_state masked) {
    if (!masked) {
        uint32_t upsr;
        __asm__ volatile("rrs %%upsr, %0" : "=r"(upsr));
        __asm__ volatile("rws %0, %%upsr" ::"r"(upsr | 0x20) : "memory");
    }
}

// The count a trap entry keeps, for when a board brings one.
extern volatile uint32_t port_trap_depth;

inline bool port_in_irq() { return port_trap_depth != 0; }

inline bool port_irqs_masked() {
    uint32_t upsr;
    __asm__ volatile("rrs %%upsr, %0" : "=r"(upsr));
    return (upsr & 0x20) == 0;
}
}
