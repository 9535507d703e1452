// nRF51822: the addresses of the peripherals its boards use, the same on QEMU's model
// (hw/arm/nrf51_soc.c) and on silicon (nRF51 reference manual). A peripheral's interrupt is its ID,
// the address's bits 12-17: the UART's is 2.
#pragma once

#include <stdint.h>

namespace nrf51822 {

inline constexpr uintptr_t uart0_base = 0x40002000;
inline constexpr uintptr_t gpio_outset = 0x50000508;
inline constexpr uintptr_t gpio_outclr = 0x5000050C;
inline constexpr uintptr_t gpio_dirset = 0x50000518;

}  // namespace nrf51822
