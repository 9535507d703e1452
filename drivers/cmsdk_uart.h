// ARM CMSDK APB UART (MPS2 and MPS2+ FPGA images, Corstone SSE-200): polled transmit.
#pragma once

#include <stddef.h>
#include <stdint.h>

// Enables the transmitter at `base`, with the baud rate divisor `bauddiv` (the APB clock / baud; >= 16).
void cmsdk_uart_init(uintptr_t base, uint32_t bauddiv);

// Sends `len` bytes, waiting for room before each.
void cmsdk_uart_write(uintptr_t base, const char* text, size_t len);
