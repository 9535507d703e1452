// LM3S6965 under QEMU: the console is UART0 (a PL011), interrupt-driven on IRQ 5, and I2C0's
// master on IRQ 8 is the board's I2C bus (QEMU's hw/arm/stellaris.c); the exit is semihosting. QEMU
// needs no clock gating or pin set-up; the real chip also wants RCGC1/RCGC2 and GPIO A's (and, for
// I2C0, GPIO B's) AFSEL and DEN.
#include "board.h"
#include "board_i2c.h"
#include "chip/lm3s6965/peripherals.h"
#include "console_uart.h"
#include "nvic.h"
#include "pl011_uart.h"
#include "stellaris_i2c.h"

namespace {
constinit Pl011Uart uart0{lm3s6965::uart0_base};
constinit StellarisI2c i2c0{lm3s6965::i2c0_master};
}  // namespace

extern "C" void irq5_handler() { uart0.interrupt(); }
extern "C" void irq8_handler() { i2c0.interrupt(); }

extern "C" void board_init() {
    uart0.init();
    cortex_m::irq_enable(5);
    i2c0.init(BOARD_CPU_HZ, 100000);
    cortex_m::irq_enable(lm3s6965::i2c0_irq);
}

I2cBus& board_i2c() { return i2c0; }

BOARD_CONSOLE_UART(uart0)
