// Host port, x86-64 System V: a fresh context's frame for switch_x86_64_sysv.S, and under
// AddressSanitizer the entry that first announces the switch into it (port.cpp).
#include "port.h"
#include "port_host.h"

extern "C" void port_x86_64_start();

extern "C" void port_context_init(port_context* ctx, const port_stack* stacks, void (*entry)(void*), void* arg) {
    uintptr_t top = reinterpret_cast<uintptr_t>(stacks[0].hi) & ~uintptr_t{15};
    auto* frame = reinterpret_cast<uint64_t*>(top - 0x40);
    uint32_t mxcsr;
    uint16_t fpucw;
    __asm__ volatile("stmxcsr %0\n\tfnstcw %1" : "=m"(mxcsr), "=m"(fpucw));
    // A new coroutine inherits its creator's floating-point control settings, as a new thread does.
#ifdef PORT_HOST_ASAN
    ctx->stack_bottom = stacks[0].lo;
    ctx->stack_size = static_cast<size_t>(stacks[0].hi - stacks[0].lo);
    ctx->fake_stack = nullptr;
    ctx->entry = entry;
    ctx->arg = arg;
    entry = port_host_asan_start;
    arg = ctx;
#endif
    frame[0] = mxcsr | uint64_t{fpucw} << 32;
    frame[1] = 0;  // r15
    frame[2] = 0;  // r14
    frame[3] = reinterpret_cast<uintptr_t>(entry);  // r13
    frame[4] = reinterpret_cast<uintptr_t>(arg);    // r12
    frame[5] = 0;  // rbx
    frame[6] = 0;  // rbp: ends frame-pointer walks
    frame[7] = reinterpret_cast<uintptr_t>(&port_x86_64_start);
    ctx->sp = frame;
}
