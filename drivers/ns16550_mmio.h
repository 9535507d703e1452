// The NS16550's registers memory-mapped, one byte each, `Stride` bytes apart (1 on QEMU's virt, 4
// on many SoCs): the Bus of ns16550.h.
#pragma once

#include <stdint.h>

template <unsigned Stride>
struct Ns16550Mmio {
    uintptr_t base;

    uint8_t read(unsigned index) const { return *reinterpret_cast<volatile uint8_t*>(base + index * Stride); }
    void write(unsigned index, uint8_t value) const {
        *reinterpret_cast<volatile uint8_t*>(base + index * Stride) = value;
    }
};
