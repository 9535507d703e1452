// LM3S6965 under QEMU: the console is UART0 (a PL011), the exit is semihosting. QEMU needs no clock
// gating or pin set-up; the real chip also wants RCGC1/RCGC2 and GPIO A's AFSEL and DEN.
#include "arm_semihosting.h"
#include "board.h"
#include "pl011_uart.h"

namespace {
constexpr uintptr_t uart0 = 0x4000C000;
}

extern "C" void board_init() { pl011_uart_init(uart0); }

extern "C" void board_console_write(const char* text, size_t len) { pl011_uart_write(uart0, text, len); }

extern "C" void board_exit(int code) { semihosting_exit(code); }
