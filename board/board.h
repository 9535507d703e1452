// The hooks every target board provides to the architecture's start-up, panic and fault paths.
#pragma once

#include <stddef.h>

extern "C" {

// Brings up what must work before constructors run: clocks, pins, the console.
void board_init();

// Writes `len` bytes to the console by polling: works with interrupts masked and from a fault handler.
void board_console_write(const char* text, size_t len);

// Stops for good; under QEMU, ends the run with `code` as its exit status.
[[noreturn]] void board_exit(int code);
}
