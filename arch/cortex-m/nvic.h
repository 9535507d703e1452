// Device interrupts through the NVIC, for boards and drivers. A handler is `irqN_handler` (extern
// "C"), N the device interrupt number; one not defined reports "unexpected interrupt N" and stops.
#pragma once

#include <stdint.h>

#include "cortex_m.h"

namespace cortex_m {

inline constexpr uintptr_t nvic_iser = 0xE000E100;  // set-enable, one bit per interrupt
inline constexpr uintptr_t nvic_icer = 0xE000E180;  // clear-enable
inline constexpr uintptr_t nvic_ispr = 0xE000E200;  // set-pending
inline constexpr uintptr_t nvic_icpr = 0xE000E280;  // clear-pending
inline constexpr uintptr_t nvic_ipr = 0xE000E400;   // priorities, one byte per interrupt

// The word of register bank `bank` that holds `irq`'s bit.
inline uintptr_t nvic_word(uintptr_t bank, unsigned irq) { return bank + 4 * (irq / 32); }

// Lets device interrupt `irq` be taken; one already pending is taken at once.
inline void irq_enable(unsigned irq) { reg(nvic_word(nvic_iser, irq)) = 1u << (irq % 32); }

// Stops `irq` being taken; once this returns its handler is not running and will not start.
inline void irq_disable(unsigned irq) {
    reg(nvic_word(nvic_icer, irq)) = 1u << (irq % 32);
    __asm__ volatile("dsb\n\tisb" ::: "memory");
}

// Makes `irq` pending, as if its device had asked: the handler runs once enabled and unmasked.
inline void irq_pend(unsigned irq) { reg(nvic_word(nvic_ispr, irq)) = 1u << (irq % 32); }

// Forgets a pending `irq`.
inline void irq_unpend(unsigned irq) { reg(nvic_word(nvic_icpr, irq)) = 1u << (irq % 32); }

// Sets the priority of `irq`, 0 the most urgent; the chip keeps only its top bits (2 on ARMv6-M).
// Word access: ARMv6-M has no byte access to these registers.
inline void irq_set_priority(unsigned irq, uint8_t priority) {
    volatile uint32_t& word = reg(nvic_ipr + 4 * (irq / 4));
    const unsigned shift = 8 * (irq % 4);
    word = (word & ~(0xFFu << shift)) | uint32_t{priority} << shift;
}

}  // namespace cortex_m
