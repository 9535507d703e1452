// The one way out of the x86 C library: everything printf, puts and the rest write to stdout or
// stderr arrives here. The x86 port implements it (the interrupt-driven UART, or a polled write).
#pragma once

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// Writes the `len` bytes at `text` (no NUL needed) to the console, in order, before it returns.
void libc_console_write(const char* text, size_t len);

#ifdef __cplusplus
}
#endif
