// The stdio the x86 images link, with the C standard's contracts, over the console hook
// (console.h): stdout and stderr both write to the console, unbuffered; there are no files, and a
// write to any other stream fails with EOF. GCC turns some printf calls into puts, putchar and
// fwrite, so those are here too.
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "console.h"
#include "format.h"

// glibc's FILE, zeroed and never read: a glibc inline fast path (putc_unlocked and its kin) finds
// no buffer and calls __overflow, which no image has, so it fails at link time, not at run time.
static FILE in_stream, out_stream, err_stream;
FILE* stdin = &in_stream;
FILE* stdout = &out_stream;
FILE* stderr = &err_stream;

// By the objects, not the variables, which a program may reassign.
static bool is_console(const FILE* stream) { return stream == &out_stream || stream == &err_stream; }

static void console_put(void* ctx, const char* text, size_t length) {
    (void)ctx;
    libc_console_write(text, length);
}

int vfprintf(FILE* restrict stream, const char* restrict fmt, va_list ap) {
    return is_console(stream) ? libc_vformat(console_put, NULL, fmt, ap) : EOF;
}

int fprintf(FILE* restrict stream, const char* restrict fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf(stream, fmt, ap);
    va_end(ap);
    return n;
}

int vprintf(const char* restrict fmt, va_list ap) { return vfprintf(stdout, fmt, ap); }

int printf(const char* restrict fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf(stdout, fmt, ap);
    va_end(ap);
    return n;
}

int vsnprintf(char* restrict buf, size_t size, const char* restrict fmt, va_list ap) {
    return libc_vsnformat(buf, size, fmt, ap);
}

int snprintf(char* restrict buf, size_t size, const char* restrict fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = libc_vsnformat(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

// Unbounded, as C has it: the caller's buffer is taken to be large enough.
int sprintf(char* restrict buf, const char* restrict fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = libc_vsnformat(buf, SIZE_MAX, fmt, ap);
    va_end(ap);
    return n;
}

int fputc(int c, FILE* stream) {
    if (!is_console(stream)) return EOF;
    char byte = (char)c;
    libc_console_write(&byte, 1);
    return (unsigned char)c;
}

int putc(int c, FILE* stream) { return fputc(c, stream); }

int putchar(int c) { return fputc(c, stdout); }

int fputs(const char* restrict s, FILE* restrict stream) {
    if (!is_console(stream)) return EOF;
    libc_console_write(s, strlen(s));
    return 0;
}

int puts(const char* s) {
    if (fputs(s, stdout) == EOF) return EOF;
    return fputc('\n', stdout) == EOF ? EOF : 0;
}

size_t fwrite(const void* restrict data, size_t size, size_t count, FILE* restrict stream) {
    if (!is_console(stream) || size == 0) return 0;
    libc_console_write(data, size * count);
    return count;
}

// Nothing is buffered.
int fflush(FILE* stream) {
    (void)stream;
    return 0;
}
