// MPS2 AN505 under QEMU: the console is CMSDK UART0 (its Secure alias), interrupt-driven on its
// combined RX and TX line, IRQ 42 (QEMU's hw/arm/mps2-tz.c); the exit is semihosting.
#include "board.h"
#include "cmsdk_uart.h"
#include "console_uart.h"
#include "nvic.h"

namespace {
constinit CmsdkUart uart0{0x50200000};
}

extern "C" void irq42_handler() { uart0.interrupt(); }

extern "C" void board_init() {
    uart0.init(16);
    cortex_m::irq_enable(42);
}

BOARD_CONSOLE_UART(uart0)
