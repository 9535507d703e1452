// The rest of the C library the x86 images link: assert's report, abort and errno.
#undef NDEBUG  // glibc declares __assert_fail only without it
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

// arch/port.h's, which is C++ and so cannot be included here.
void port_panic(const char* message) __attribute__((noreturn));

// What a failed assert() calls: the report goes to the console, then the port stops.
void __assert_fail(const char* expr, const char* file, unsigned int line, const char* function) {
    fprintf(stderr, "assertion failed: %s (%s:%u %s)\n", expr, file, line, function);
    port_panic("assertion failed");
}

void abort(void) { port_panic("abort"); }

// One errno: the kernel is cooperative on one core, and nothing sets it from an interrupt.
int* __errno_location(void) {
    static int value;
    return &value;
}
