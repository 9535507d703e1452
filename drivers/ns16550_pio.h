// The NS16550's registers in x86 port I/O, eight consecutive ports from `base` (COM1 at 0x3F8): the
// Bus of ns16550.h on a PC.
#pragma once

#include <stdint.h>

struct Ns16550Pio {
    uint16_t base;

    uint8_t read(unsigned index) const {
        uint8_t value;
        __asm__ volatile("inb %1, %0" : "=a"(value) : "Nd"(static_cast<uint16_t>(base + index)));
        return value;
    }
    void write(unsigned index, uint8_t value) const {
        __asm__ volatile("outb %0, %1" ::"a"(value), "Nd"(static_cast<uint16_t>(base + index)));
    }
};
