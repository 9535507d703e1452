// micro:bit v1 under QEMU: the console is the nRF51 UART on P0.24, the exit is semihosting.
#include "arm_semihosting.h"
#include "board.h"
#include "nrf51_uart.h"

namespace {
constexpr uintptr_t uart0 = 0x40002000;
}

extern "C" void board_init() { nrf51_uart_init(uart0, 24); }

extern "C" void board_console_write(const char* text, size_t len) { nrf51_uart_write(uart0, text, len); }

extern "C" void board_exit(int code) { semihosting_exit(code); }
