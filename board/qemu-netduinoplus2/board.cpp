// Netduino Plus 2 under QEMU: the console is USART1, the exit is semihosting. QEMU needs no clock
// or pin set-up; the real board also wants RCC_APB2ENR.USART1EN and PA9 in alternate function 7.
#include "arm_semihosting.h"
#include "board.h"
#include "stm32_usart.h"

namespace {
constexpr uintptr_t usart1 = 0x40011000;
}

extern "C" void board_init() { stm32_usart_init(usart1, 0x2D9); }  // 115200 baud from 84 MHz

extern "C" void board_console_write(const char* text, size_t len) { stm32_usart_write(usart1, text, len); }

extern "C" void board_exit(int code) { semihosting_exit(code); }
