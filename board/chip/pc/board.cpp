// A PC's COM1 as the console: the 16550 at port 0x3F8 on line 4 of the PICs, interrupt-driven. A PC
// shows no LED.
#include "board.h"
#include "console_uart.h"
#include "ns16550.h"
#include "ns16550_pio.h"
#include "x86.h"

namespace {
constinit Ns16550<Ns16550Pio> com1{Ns16550Pio{0x3F8}};
constexpr unsigned com1_irq = 4;
}

// The PICs take edges: until IIR says nothing is pending (bit 0), COM1's line stays high and would
// never rise again for a cause left behind.
extern "C" void irq4_handler() {
    do com1.interrupt();
    while ((Ns16550Pio{0x3F8}.read(ns16550::iir) & 1) == 0);
}

extern "C" void board_init() {
    com1.init(1);  // 115200 baud from the 1.8432 MHz clock
    x86::irq_enable(com1_irq);
}

extern "C" void board_led(bool) {}

BOARD_CONSOLE_UART(com1)
