// The x86 C library's formatting core, behind printf and its kin (stdio.c): no heap, no state
// outside the call, and at most about 600 bytes of stack (x86-64 at -O2), the sink's not counted.
//
// What it converts: d i u o x X c s p % f F e E g G; the flags - 0 + space #; a width and a
// precision, each a number or *; the length modifiers hh h l ll j z t, and L (a long double,
// printed as the double nearest it). Where C leaves the output open, it is glibc's: "(null)" for a
// null %s (nothing when the precision is under 6), "(nil)" for a null %p, "-nan".
// Its limits:
// - f, e and g are exact, every digit rounded to nearest with ties to even, for 0 and for
//   2^-76 <= |x| < 2^64 (about 1.3e-23 to 1.8e19). Outside that range a value has 17 significant
//   digits, the last of which may be off by one, and zeros after them.
// - The rounding mode is taken to be round-to-nearest.
// - %lc, %ls, %n and conversions it does not know are not converted: the rest of the format is
//   copied out as written, and no further argument is read.
#pragma once

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// Formats as vprintf does, handing the text to put(ctx, text, length) in runs (not NUL-terminated);
// returns the number of characters, or -1 if that is over INT_MAX (all of them are handed over).
int libc_vformat(void (*put)(void* ctx, const char* text, size_t length), void* ctx, const char* fmt,
                 va_list ap) __attribute__((format(printf, 3, 0)));

// vsnprintf: at most size - 1 characters and a NUL into buf (nothing at all when size is 0);
// returns the length of the whole text, or -1 if that is over INT_MAX.
int libc_vsnformat(char* buf, size_t size, const char* fmt, va_list ap) __attribute__((format(printf, 3, 0)));

#ifdef __cplusplus
}
#endif
