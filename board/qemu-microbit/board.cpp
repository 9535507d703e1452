// micro:bit v1 under QEMU: the console is the nRF51 UART on P0.24 (TX) and P0.25 (RX), interrupt-
// driven on IRQ 2, its peripheral ID (QEMU's hw/arm/nrf51_soc.c); the exit is semihosting.
#include "board.h"
#include "chip/nrf51822/peripherals.h"
#include "console_uart.h"
#include "nrf51_uart.h"
#include "nvic.h"

namespace {
constinit Nrf51Uart uart0{nrf51822::uart0_base};
}

extern "C" void irq2_handler() { uart0.interrupt(); }

extern "C" void board_init() {
    uart0.init(24, 25);
    cortex_m::irq_enable(2);
}

BOARD_CONSOLE_UART(uart0)
