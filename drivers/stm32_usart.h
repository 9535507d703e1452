// STM32F1/F2/F4 USART (the register layout with SR and DR): polled transmit.
#pragma once

#include <stddef.h>
#include <stdint.h>

// Enables the USART at `base` for transmitting at the divisor `brr` (the bus clock / baud).
// The caller has enabled its clock and routed its pin.
void stm32_usart_init(uintptr_t base, uint32_t brr);

// Sends `len` bytes, waiting for an empty transmit register before each.
void stm32_usart_write(uintptr_t base, const char* text, size_t len);
