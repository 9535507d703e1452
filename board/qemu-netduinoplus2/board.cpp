// Netduino Plus 2 under QEMU: the console is USART1, interrupt-driven on IRQ 37 (QEMU's
// hw/arm/stm32f405_soc.c); the exit is semihosting. QEMU needs no clock or pin set-up; the real
// board also wants RCC_APB2ENR.USART1EN and PA9/PA10 in alternate function 7.
#include "board.h"
#include "console_uart.h"
#include "nvic.h"
#include "stm32_usart.h"

namespace {
constinit Stm32Usart usart1{0x40011000};
}

extern "C" void irq37_handler() { usart1.interrupt(); }

extern "C" void board_init() {
    usart1.init(0x2D9);  // 115200 baud from 84 MHz
    cortex_m::irq_enable(37);
}

BOARD_CONSOLE_UART(usart1)
