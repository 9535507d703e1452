// Host port: the AddressSanitizer fiber annotations around the switch, the cycle counter and the
// panic path. The context set-up is the ABI's (context_x86_64.cpp, context_i386.cpp; on Elbrus
// Linux, context_e2k.cpp, which also has the switch).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "port.h"
#include "port_host.h"

extern "C" void port_x86_64_switch(port_context* from, port_context* to);

// Under AddressSanitizer the switch of arch/x86 is wrapped in its fiber annotations: that is the
// host's alone, so the assembly stays as any x86-64 port uses it.
#ifdef PORT_HOST_ASAN
extern "C" void __sanitizer_start_switch_fiber(void** fake_stack_save, const void* bottom, size_t size);
extern "C" void __sanitizer_finish_switch_fiber(void* fake_stack_save, const void** bottom_old,
                                                size_t* size_old);
extern "C" void __asan_unpoison_memory_region(const volatile void* addr, size_t size);

// The context being left; whoever lands records its stack bounds, which is how the bounds of the
// process's own stack (the root context) become known.
static port_context* switching_from;

static void land(void* fake_stack) {
    __sanitizer_finish_switch_fiber(fake_stack, &switching_from->stack_bottom, &switching_from->stack_size);
}

void port_host_asan_start(void* p) {
    auto* ctx = static_cast<port_context*>(p);
    land(nullptr);
    ctx->entry(ctx->arg);
}

extern "C" void port_switch(port_context* from, port_context* to) {
    __sanitizer_start_switch_fiber(&from->fake_stack, to->stack_bottom, to->stack_size);
    switching_from = from;
    port_x86_64_switch(from, to);
    land(from->fake_stack);
}

extern "C" void port_switch_final(port_context* from, port_context* to) {
    // Frames left on the dead stack keep their red zones poisoned; the slot will be painted again.
    __asan_unpoison_memory_region(from->stack_bottom, from->stack_size);
    __sanitizer_start_switch_fiber(nullptr, to->stack_bottom, to->stack_size);
    switching_from = from;
    port_x86_64_switch(from, to);
    __builtin_unreachable();
}
#endif

extern "C" uint64_t port_cycles() {
#if defined(__i386__) || defined(__x86_64__)
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return uint64_t{hi} << 32 | lo;
#else
    // Elsewhere (Elbrus Linux), nanoseconds: what benchmarks need of a cycle count is its order.
    timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<uint64_t>(now.tv_sec) * 1000000000u + static_cast<uint64_t>(now.tv_nsec);
#endif
}

extern "C" void port_panic(const char* message) {
    fputs(message, stderr);
    fputc('\n', stderr);
    fflush(stderr);
    abort();
}
