// picolibc's stdin, stdout and stderr, on the board's console UART. In a coroutine they go through
// the interrupt-driven driver: a writer waits while its ring is full, a reader until a byte comes.
// Elsewhere (main() before run(), handlers, interrupts masked) output is polled and input is only
// what has already arrived. A board without the driver polls its console and has no input.
#include <stdio.h>

#include "board.h"
#include "uart.h"
#include "weft/coroutine.h"

[[gnu::weak]] Uart* board_uart() { return nullptr; }

namespace {

int put(char c, FILE*) {
    if (Uart* uart = board_uart())
        uart->write(&c, 1);
    else
        board_console_write(&c, 1);
    return static_cast<unsigned char>(c);
}

int get(FILE*) {
    Uart* uart = board_uart();
    char c;
    if (uart == nullptr) return _FDEV_EOF;
    bool got = weft::in_coroutine() && !port_in_irq() ? uart->read(&c, 1).ok() : uart->try_read(&c, 1) == 1;
    return got ? static_cast<unsigned char>(c) : _FDEV_EOF;
}

FILE console = FDEV_SETUP_STREAM(put, get, nullptr, _FDEV_SETUP_RW);

}  // namespace

FILE* const stdin = &console;
FILE* const stdout = &console;
FILE* const stderr = &console;
