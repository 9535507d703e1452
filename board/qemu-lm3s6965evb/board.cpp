// LM3S6965 under QEMU: the console is UART0 (a PL011), interrupt-driven on IRQ 5 (QEMU's
// hw/arm/stellaris.c); the exit is semihosting. QEMU needs no clock gating or pin set-up; the real
// chip also wants RCGC1/RCGC2 and GPIO A's AFSEL and DEN.
#include "board.h"
#include "chip/lm3s6965/peripherals.h"
#include "console_uart.h"
#include "nvic.h"
#include "pl011_uart.h"

namespace {
constinit Pl011Uart uart0{lm3s6965::uart0_base};
}

extern "C" void irq5_handler() { uart0.interrupt(); }

extern "C" void board_init() {
    uart0.init();
    cortex_m::irq_enable(5);
}

BOARD_CONSOLE_UART(uart0)
