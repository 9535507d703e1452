// QEMU's SiFive E machine (hw/riscv/sifive_e.c), the HiFive1's FE310-G000: the console is UART0,
// interrupt-driven on PLIC source 3; the exit is semihosting (board/semihosting_riscv.cpp). QEMU
// needs no clock or pin set-up.
#include "board.h"
#include "chip/fe310/peripherals.h"
#include "console_uart.h"
#include "riscv.h"
#include "sifive_uart.h"

namespace {
constinit SifiveUart uart0{fe310::uart0_base};
}

extern "C" void irq3_handler() { uart0.interrupt(); }

extern "C" void board_init() {
    uart0.init(138);  // QEMU ignores the divisor: 115200 baud from hifive1-revb's 16 MHz
    riscv::irq_enable(fe310::uart0_irq);
}

BOARD_CONSOLE_UART(uart0)
