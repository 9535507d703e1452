// ARM PrimeCell PL011 UART and its derivatives (TI Stellaris UART): polled transmit.
#pragma once

#include <stddef.h>
#include <stdint.h>

// Enables the UART at `base` for transmitting; the baud rate is left as the boot state has it.
void pl011_uart_init(uintptr_t base);

// Sends `len` bytes, waiting for room in the transmit FIFO before each.
void pl011_uart_write(uintptr_t base, const char* text, size_t len);
