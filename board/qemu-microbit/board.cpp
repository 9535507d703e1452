// micro:bit v1 under QEMU: the console is the nRF51 UART on P0.24 (TX) and P0.25 (RX), interrupt-
// driven on IRQ 2, its peripheral ID (QEMU's hw/arm/nrf51_soc.c); the exit is semihosting.
#include "arm_semihosting.h"
#include "board.h"
#include "nrf51_uart.h"
#include "nvic.h"

namespace {
constinit Nrf51Uart uart0{0x40002000};
}

extern "C" void irq2_handler() { uart0.interrupt(); }

extern "C" void board_init() {
    uart0.init(24, 25);
    cortex_m::irq_enable(2);
}

extern "C" void board_console_write(const char* text, size_t len) { uart0.write_polled(text, len); }

Uart* board_uart() { return &uart0; }

extern "C" void board_exit(int code) { semihosting_exit(code); }

extern "C" void board_led(bool) {}  // QEMU shows no LED
