// Host port (x86-64 System V, or i386; or Elbrus Linux, where the kernel makes and switches
// contexts: context_e2k.cpp): runs the kernel inside one ordinary process for tests and benchmarks.
// Interrupts are simulated by the fake interrupt source in port_host.h; time by the fake clock.
#pragma once

#include <stddef.h>
#include <stdint.h>

#if defined(__SANITIZE_ADDRESS__)
#define PORT_HOST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PORT_HOST_ASAN 1
#endif
#endif

#if defined(__e2k__)
#include <ucontext.h>

// On Elbrus Linux a context's procedure and chain stacks belong to the operating system, which
// makes them with the context (makecontext_e2k) and frees them when asked (freecontext_e2k): only
// the data stack is the pool's.
struct port_context {
    ucontext_t uc;
    void (*entry)(void*);
    void* arg;
    bool made;  // uc holds a context the kernel made, whose hardware stacks are still allocated
};
#else
struct port_context {
    void* sp;
#ifdef PORT_HOST_ASAN
    // ASan must be told which stack is live: bounds of this context's stack, its fake stack,
    // and the entry to call once the first switch into it has been announced.
    const void* stack_bottom;
    size_t stack_size;
    void* fake_stack;
    void (*entry)(void*);
    void* arg;
#endif
};
#endif

typedef bool port_irq_state;

// ASan and the host C library use far more stack than firmware does. A program whose coroutines
// call nothing of either may set a smaller minimum (the benchmarks' 1 KiB life cycle does).
#define PORT_SLOT_ALIGN 16
#define PORT_STACK_ALIGN 16
#ifndef PORT_STACK_MIN
#define PORT_STACK_MIN 16384
#endif
#define PORT_STACK_COUNT 1

// The fake clock's rate; a board may set its own.
#ifndef PORT_TICK_HZ
#define PORT_TICK_HZ 1000000
#endif

inline void port_stacks(unsigned char* slot, size_t size, const uint8_t*, port_stack* stacks) {
    stacks[0] = {slot, slot + size, reinterpret_cast<uintptr_t*>(slot), false};
}

extern "C" {
extern bool port_host_masked;
extern bool port_host_in_irq;
extern uint32_t port_host_pending;
extern uint32_t port_host_at_unmask;
void port_host_deliver();

inline bool port_irq_save() {
    bool was = port_host_masked;
    port_host_masked = true;
    return was;
}

inline void port_irq_restore(bool was) {
    port_host_masked = was;
    if (!was && (port_host_pending | port_host_at_unmask) != 0) port_host_deliver();
}

inline bool port_in_irq() { return port_host_in_irq; }

inline bool port_irqs_masked() { return port_host_masked; }

#ifndef PORT_HOST_ASAN
void port_switch(port_context* from, port_context* to);
[[noreturn]] inline void port_switch_final(port_context* from, port_context* to) {
    port_switch(from, to);
    __builtin_unreachable();
}
#endif
}
