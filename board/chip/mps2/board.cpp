// MPS2 AN385 and AN386 under QEMU: the console is CMSDK UART0, interrupt-driven, its RX and TX lines
// IRQ 0 and 1 (QEMU's hw/arm/mps2.c); the exit is semihosting. One file for both boards: an FPGA
// image fixes every peripheral and its wiring, and these two differ only in their core.
#include "board.h"
#include "cmsdk_uart.h"
#include "console_uart.h"
#include "nvic.h"

namespace {
constinit CmsdkUart uart0{0x40004000};
}

extern "C" void irq0_handler() { uart0.interrupt(); }
extern "C" void irq1_handler() { uart0.interrupt(); }

extern "C" void board_init() {
    uart0.init(16);
    cortex_m::irq_enable(0);
    cortex_m::irq_enable(1);
}

BOARD_CONSOLE_UART(uart0)
