// Cortex-M port (ARMv6-M, ARMv7-M, ARMv7E-M, ARMv8-M mainline), GCC, AAPCS.
// Coroutines and main() run in thread mode on PSP; handlers run on MSP, so an interrupt costs a
// coroutine stack only the hardware's exception frame. port_switch() is an ordinary call.
#pragma once

#include <stddef.h>
#include <stdint.h>

struct port_context {
    void* sp;
};

typedef uint32_t port_irq_state;

#ifndef PORT_MPU_GUARD
#define PORT_MPU_GUARD 0
#endif
// STACK_GUARD=mpu (PORT_MPU_GUARD): a slot's lowest PORT_MPU_REGION_BYTES are MPU region 7 while its
// context runs. The region's lowest eighth, a subregion the region leaves out, keeps the kernel's
// canary; the other seven, PORT_MPU_GUARD_BYTES, admit no access at all, and the stack is above
// them. The kernel reads the canary, and the high-water mark from the stack's bottom up, while that
// context runs: neither may lie in the guard. The guard is that deep so that no frame of an image
// can step over it (tools/frame-check, run on the images of such a build but the on-target
// suite's); 512 is the least power of two, as a region's size must be, that leaves every frame of
// the kernel, the C library and the ports inside. Without the guard the stack starts at the canary.
#define PORT_MPU_REGION_BYTES 512
#define PORT_MPU_GUARD_BYTES (PORT_MPU_REGION_BYTES / 8 * 7)
// The MPU region needs its size as a slot's alignment; the AAPCS asks 8 of the stack pointer.
#define PORT_SLOT_ALIGN (PORT_MPU_GUARD ? PORT_MPU_REGION_BYTES : 32)
#define PORT_STACK_ALIGN 8
// A switch frame (108 bytes with the FPU registers), an FPU exception frame (108) and a little to
// run on, above the guard region where there is one.
#define PORT_STACK_MIN (512 + (PORT_MPU_GUARD ? PORT_MPU_REGION_BYTES : 0))
#define PORT_STACK_COUNT 1
// The rate of the board's time source (TIME in board.mk); SysTick's, a core cycle, unless arch.mk
// says otherwise.
#ifndef PORT_TICK_HZ
#define PORT_TICK_HZ BOARD_CPU_HZ
#endif

inline void port_stacks(unsigned char* slot, size_t size, const uint8_t*, port_stack* stacks) {
    constexpr size_t below = PORT_MPU_GUARD ? PORT_MPU_REGION_BYTES : 0;
    stacks[0] = {slot + below, slot + size, reinterpret_cast<uintptr_t*>(slot), false};
}

// The lowest word of a fresh context's switch frame, for the context that will run on `stack`: the
// MPU region's base with STACK_GUARD=mpu, the slot's base (port_stacks puts the stack above the
// region); otherwise the stack's limit, which leaves the kernel's canary (the slot's first word)
// below it and which the ARMv8-M switch loads into PSPLIM, the others ignore.
inline uint32_t guard_frame_word(const port_stack& stack) {
    const auto lo = reinterpret_cast<uintptr_t>(stack.lo);
    return PORT_MPU_GUARD ? lo - PORT_MPU_REGION_BYTES : lo + 8;
}

extern "C" {

// The first switch into a fresh context returns there (port.cpp).
[[noreturn]] void port_start();
// From the switch file: the bytes of its saved frame, which differ per variant.
extern const uint32_t port_frame_bytes;

// Inline, as create() is the only caller that counts: the stack's bounds stay in registers.
inline void port_context_init(port_context* ctx, const port_stack* stacks, void (*entry)(void*), void* arg) {
    const uintptr_t top = reinterpret_cast<uintptr_t>(stacks[0].hi) & ~uintptr_t{7};
    auto* start = reinterpret_cast<uint32_t*>(top) - 3;  // resume address, then arg and entry
    start[0] = reinterpret_cast<uintptr_t>(&port_start);
    start[1] = reinterpret_cast<uintptr_t>(arg);
    start[2] = reinterpret_cast<uintptr_t>(entry);
    // Only the words a switch reads before the entry runs, the same in every variant's frame: the
    // lowest is the guard's, the next FP (0: no FPU state) where there is one, the top the resume
    // address. The rest are registers that port_start and the entry never read: they keep what the
    // stack held (create()'s paint); clearing them cost 40 instructions a create.
    auto* frame = reinterpret_cast<uint32_t*>(reinterpret_cast<uintptr_t>(start + 1) - port_frame_bytes);
    frame[0] = guard_frame_word(stacks[0]);
    frame[1] = 0;
    ctx->sp = frame;
}

void port_switch(port_context* from, port_context* to);

[[noreturn]] inline void port_switch_final(port_context* from, port_context* to) {
    port_switch(from, to);
    __builtin_unreachable();
}

// PRIMASK, not BASEPRI: ARMv6-M has no BASEPRI, and the kernel's masked sections are short. The
// saved PRIMASK is 1 exactly when interrupts were masked (its other bits read as zero), as port.h
// asks of port_irq_state.
inline port_irq_state port_irq_save() {
    port_irq_state primask;
    __asm__ volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask)::"memory");
    return primask;
}

inline void port_irq_restore(port_irq_state primask) {
    __asm__ volatile("msr primask, %0" ::"r"(primask) : "memory");
}

inline bool port_in_irq() {
    uint32_t ipsr;
    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    return ipsr != 0;
}

inline bool port_irqs_masked() {
    uint32_t primask;
    __asm__ volatile("mrs %0, primask" : "=r"(primask));
    return (primask & 1) != 0;
}
}
