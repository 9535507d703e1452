// LM3S6965 under QEMU: the console is UART0 (a PL011), interrupt-driven on IRQ 5 (QEMU's
// hw/arm/stellaris.c); the exit is semihosting. QEMU needs no clock gating or pin set-up; the real
// chip also wants RCGC1/RCGC2 and GPIO A's AFSEL and DEN.
#include "arm_semihosting.h"
#include "board.h"
#include "nvic.h"
#include "pl011_uart.h"

namespace {
constinit Pl011Uart uart0{0x4000C000};
}

extern "C" void irq5_handler() { uart0.interrupt(); }

extern "C" void board_init() {
    uart0.init();
    cortex_m::irq_enable(5);
}

extern "C" void board_console_write(const char* text, size_t len) { uart0.write_polled(text, len); }

Uart* board_uart() { return &uart0; }

extern "C" void board_exit(int code) { semihosting_exit(code); }

extern "C" void board_led(bool) {}  // QEMU shows no LED
