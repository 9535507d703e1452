// Host port, i386 cdecl (the 32-bit build, VARIANT=i386): a fresh context's frame for
// switch_i386_cdecl.S. No AddressSanitizer here: that build is the x86-64 one.
#include "port.h"

extern "C" void port_i386_start();

extern "C" void port_context_init(port_context* ctx, const port_stack* stacks, void (*entry)(void*), void* arg) {
    // The frame sits just below a 16-byte aligned point, where port_i386_start begins: the ABI's
    // alignment at its call of entry.
    uintptr_t start = (reinterpret_cast<uintptr_t>(stacks[0].hi) & ~uintptr_t{15}) - 16;
    auto* frame = reinterpret_cast<uint32_t*>(start - 0x1c);
    uint32_t mxcsr;
    uint16_t fpucw;
    __asm__ volatile("stmxcsr %0\n\tfnstcw %1" : "=m"(mxcsr), "=m"(fpucw));
    // A new coroutine inherits its creator's floating-point control settings, as a new thread does.
    frame[0] = mxcsr;
    frame[1] = fpucw;
    frame[2] = 0;                                   // ebx
    frame[3] = reinterpret_cast<uintptr_t>(arg);    // esi
    frame[4] = reinterpret_cast<uintptr_t>(entry);  // edi
    frame[5] = 0;                                   // ebp: ends frame-pointer walks
    frame[6] = reinterpret_cast<uintptr_t>(&port_i386_start);
    ctx->sp = frame;
}
