// The console of the x86 boards' own C library (arch/x86/libc/): its stdout and stderr, on the
// board's console UART. In a coroutine they go through the interrupt-driven driver, a writer
// waiting while its ring is full; elsewhere (main() before run(), handlers, interrupts masked)
// output is polled. A board without the driver polls its console.
#include "board.h"
#include "libc/console.h"
#include "uart.h"

[[gnu::weak]] Uart* board_uart() { return nullptr; }

extern "C" void libc_console_write(const char* text, size_t len) {
    if (Uart* uart = board_uart())
        uart->write(text, len);
    else
        board_console_write(text, len);
}
