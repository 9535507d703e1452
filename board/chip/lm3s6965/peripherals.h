// LM3S6965: the addresses of the peripherals its boards use, the same on QEMU's model
// (hw/arm/stellaris.c) and on silicon (the LM3S6965 data sheet).
#pragma once

#include <stdint.h>

namespace lm3s6965 {

inline constexpr uintptr_t uart0_base = 0x4000C000;  // a PL011
inline constexpr uintptr_t ssi0_base = 0x40008000;  // a PL022, interrupt 7
inline constexpr uintptr_t i2c0_master = 0x40020000;  // I2C0's master registers; SCL on PB2, SDA on PB3
inline constexpr unsigned i2c0_irq = 8;
inline constexpr uintptr_t gpio_a = 0x40004000, gpio_b = 0x40005000, gpio_d = 0x40007000, gpio_f = 0x40025000;
inline constexpr uintptr_t gpio_dir = 0x400, gpio_afsel = 0x420, gpio_odr = 0x50C, gpio_pur = 0x510,
                           gpio_den = 0x51C;  // in each GPIO block
inline constexpr uintptr_t sysctl_rcc = 0x400FE060;
inline constexpr uintptr_t sysctl_rcgc1 = 0x400FE104;  // bit 0: UART0, bit 4: SSI0, bit 12: I2C0
inline constexpr uintptr_t sysctl_rcgc2 = 0x400FE108;  // bit 0: GPIO A, bit 1: GPIO B, bit 3: GPIO D, bit 5: GPIO F

}  // namespace lm3s6965
