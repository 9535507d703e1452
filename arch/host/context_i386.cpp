// Host port, i386 cdecl (the 32-bit build, VARIANT=i386): a fresh context's frame for
// switch_i386_cdecl.S, which keeps MXCSR. No AddressSanitizer here: that build is the x86-64 one.
#include "port.h"
#include "x86/context.h"

extern "C" void port_context_init(port_context* ctx, const port_stack* stacks, void (*entry)(void*), void* arg) {
    ctx->sp = x86::first_frame(stacks[0].hi, entry, arg, true);
}
