// FE310 (G000 on QEMU's sifive_e and the HiFive1, G002 on the HiFive1 Rev B): the addresses of the
// peripherals its boards use, the same on QEMU's model (hw/riscv/sifive_e.c) and in both chips'
// manuals. The CLINT and PLIC, which the port drives, are in each board.mk.
#pragma once

#include <stdint.h>

namespace fe310 {

inline constexpr uintptr_t prci_base = 0x10008000;
inline constexpr uintptr_t gpio_base = 0x10012000;
inline constexpr uintptr_t uart0_base = 0x10013000;
inline constexpr unsigned uart0_irq = 3;  // its PLIC source

// PRCI registers, from prci_base.
inline constexpr uintptr_t prci_hfrosccfg = 0x0, prci_hfxosccfg = 0x4, prci_pllcfg = 0x8, prci_plloutdiv = 0xC;

// GPIO registers, from gpio_base: one bit per pin in each.
inline constexpr uintptr_t gpio_output_en = 0x08, gpio_port = 0x0C, gpio_iof_en = 0x38, gpio_iof_sel = 0x3C,
                           gpio_out_xor = 0x40;

}  // namespace fe310
