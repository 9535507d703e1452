// The console hooks of a board whose console is one of its UARTs (drivers/uart.h): board_uart() is
// that UART and board_console_write() its write_polled(). The board names it once, at namespace
// scope after the UART's definition:
//
//     BOARD_CONSOLE_UART(uart0)
//
// A macro, not weak defaults over board_uart(): the polled console that fault and panic reports
// use stays one direct call into the board's own object, with nothing to look up on the way.
#pragma once

#include <stddef.h>

#include "board.h"
#include "uart.h"

#define BOARD_CONSOLE_UART(uart)                                        \
    extern "C" void board_console_write(const char* text, size_t len) { \
        (uart).write_polled(text, len);                                 \
    }                                                                   \
    Uart* board_uart() { return &(uart); }
