// MPS2 AN385 under QEMU: the console is CMSDK UART0, the exit is semihosting.
#include "arm_semihosting.h"
#include "board.h"
#include "cmsdk_uart.h"

namespace {
constexpr uintptr_t uart0 = 0x40004000;
}

extern "C" void board_init() { cmsdk_uart_init(uart0, 16); }

extern "C" void board_console_write(const char* text, size_t len) { cmsdk_uart_write(uart0, text, len); }

extern "C" void board_exit(int code) { semihosting_exit(code); }
