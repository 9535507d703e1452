// The hooks every target board provides to the architecture's start-up, panic and fault paths.
#pragma once

#include <stddef.h>

extern "C" {

// Brings up what must work before constructors run: clocks, pins, the console.
void board_init();

// Writes `len` bytes to the console by polling: works with interrupts masked and from a fault handler.
void board_console_write(const char* text, size_t len);

// Stops for good; under QEMU, ends the run with `code` as its exit status. A real board has nothing
// to exit to: it masks interrupts, lights its LED if `code` is not 0, and waits (board/halt.cpp).
[[noreturn]] void board_exit(int code);

// Lights or darkens the board's user LED, so applications can show they are alive; a no-op where
// there is none to see (QEMU boards, the host).
void board_led(bool on);
}

class Uart;

// The console's interrupt-driven UART (drivers/uart.h), which picolibc's stdio goes through; nullptr
// on a board without one (the weak default in board/console_stdio.cpp). Targets only.
Uart* board_uart();
