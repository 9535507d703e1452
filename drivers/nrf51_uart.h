// Nordic nRF51 UART (not UARTE): polled transmit.
#pragma once

#include <stddef.h>
#include <stdint.h>

// Enables the UART at `base` and starts its transmitter on pin `tx_pin`.
void nrf51_uart_init(uintptr_t base, uint32_t tx_pin);

// Sends `len` bytes, waiting for each to leave (EVENTS_TXDRDY) before the next.
void nrf51_uart_write(uintptr_t base, const char* text, size_t len);
