// A fresh context's first frame for arch/x86's switches, shared by the host port and the bare-metal
// x86 boards: the first switch into it lands in port_<abi>_start (start_<abi>.S), which calls
// entry(arg). A new coroutine inherits its creator's floating-point control settings, as a new
// thread does.
#pragma once

#include <stdint.h>

extern "C" void port_x86_64_start();
extern "C" void port_i386_start();

namespace x86 {

#if defined(__x86_64__)
// switch_x86_64_sysv.S's frame, below the 16-byte aligned top of `hi`; returns the context's sp.
inline void* first_frame(unsigned char* hi, void (*entry)(void*), void* arg) {
    uintptr_t top = reinterpret_cast<uintptr_t>(hi) & ~uintptr_t{15};
    auto* frame = reinterpret_cast<uint64_t*>(top - 0x40);
    uint32_t mxcsr;
    uint16_t fpucw;
    __asm__ volatile("stmxcsr %0\n\tfnstcw %1" : "=m"(mxcsr), "=m"(fpucw));
    frame[0] = mxcsr | uint64_t{fpucw} << 32;
    frame[1] = 0;  // r15
    frame[2] = 0;  // r14
    frame[3] = reinterpret_cast<uintptr_t>(entry);  // r13
    frame[4] = reinterpret_cast<uintptr_t>(arg);    // r12
    frame[5] = 0;  // rbx
    frame[6] = 0;  // rbp: ends frame-pointer walks
    frame[7] = reinterpret_cast<uintptr_t>(&port_x86_64_start);
    return frame;
}
#else
// The frame of switch_i386_cdecl.S (with `sse`: MXCSR too) or switch_i386_cdecl_nosse.S, just below
// a 16-byte aligned point, where port_i386_start begins: the ABI's alignment at its call of entry.
inline void* first_frame(unsigned char* hi, void (*entry)(void*), void* arg, bool sse) {
    uintptr_t start = (reinterpret_cast<uintptr_t>(hi) & ~uintptr_t{15}) - 16;
    auto* frame = reinterpret_cast<uint32_t*>(start - 0x1c);
    uint32_t mxcsr = 0;
    uint16_t fpucw;
    if (sse) __asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
    __asm__ volatile("fnstcw %0" : "=m"(fpucw));
    frame[0] = mxcsr;
    frame[1] = fpucw;
    frame[2] = 0;                                   // ebx
    frame[3] = reinterpret_cast<uintptr_t>(arg);    // esi
    frame[4] = reinterpret_cast<uintptr_t>(entry);  // edi
    frame[5] = 0;                                   // ebp: ends frame-pointer walks
    frame[6] = reinterpret_cast<uintptr_t>(&port_i386_start);
    return frame;
}
#endif

}  // namespace x86
