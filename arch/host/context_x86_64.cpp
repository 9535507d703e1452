// Host port, x86-64 System V: a fresh context's frame for switch_x86_64_sysv.S, and under
// AddressSanitizer the entry that first announces the switch into it (port.cpp).
#include "port.h"
#include "port_host.h"
#include "x86/context.h"

extern "C" void port_context_init(port_context* ctx, const port_stack* stacks, void (*entry)(void*), void* arg) {
#ifdef PORT_HOST_ASAN
    ctx->stack_bottom = stacks[0].lo;
    ctx->stack_size = static_cast<size_t>(stacks[0].hi - stacks[0].lo);
    ctx->fake_stack = nullptr;
    ctx->entry = entry;
    ctx->arg = arg;
    entry = port_host_asan_start;
    arg = ctx;
#endif
    ctx->sp = x86::first_frame(stacks[0].hi, entry, arg);
}
