// Kernel internals shared by the kernel's own sources; not part of the public API.
#pragma once

#include "weft/coroutine.h"
#include "weft/timer.h"
#include "weft/wait_queue.h"

#if defined(__SANITIZE_ADDRESS__)
#define WEFT_NO_ASAN __attribute__((no_sanitize_address))
#else
#define WEFT_NO_ASAN
#endif

namespace weft::core {

// Written at each stack's limit; a different value means the stack overflowed.
inline constexpr uintptr_t canary = static_cast<uintptr_t>(0x57ACC0DE57ACC0DEull);
// Fresh stacks are filled with this byte so the high-water mark can be read back.
inline constexpr unsigned char paint = 0xA5;

struct Kernel {
    Coroutine root;          // the context that is not a coroutine: main(), and the scheduler loop
    Coroutine* current;
    Coroutine* ready_head;   // ready queue, FIFO through Coroutine::next
    Coroutine* ready_tail;
    unsigned blocked;        // coroutines in State::waiting, which something may still wake
    TimerHeap timers;
};

extern Kernel k;

[[noreturn]] void panic(const char* what, const Coroutine* co = nullptr);
[[noreturn]] void overflow(const Coroutine* co);

WEFT_NO_ASAN inline void check_canary(const Coroutine* co) {
    if (*static_cast<const uintptr_t*>(co->stack) != canary) overflow(co);
}

// Leaves `from` (whose state the caller has set) for `to`; returns when something switches back.
inline void switch_to(Coroutine* from, Coroutine* to) {
    check_canary(from);
    to->state = State::running;
    k.current = to;
    port_switch(&from->ctx, &to->ctx);
}

// Takes the head of the ready queue, or nullptr. Call with interrupts masked.
inline Coroutine* ready_pop() {
    Coroutine* co = k.ready_head;
    if (co != nullptr) k.ready_head = co->next;
    return co;
}

// Appends `co` to the ready queue. Call with interrupts masked.
inline void ready_push(Coroutine* co) {
    co->next = nullptr;
    co->state = State::ready;
    if (k.ready_head == nullptr)
        k.ready_head = co;
    else
        k.ready_tail->next = co;
    k.ready_tail = co;
}

// Makes a waiting coroutine ready; the scheduler owns it from now on. Safe from interrupts.
void wake(Coroutine* co);

// Suspends the running coroutine, already marked waiting, until wake(); a scheduled one hands the
// CPU to the next ready coroutine, any other returns to its caller.
void block(Coroutine* self);

// Starts `t`, re-arming the port's timer when it is the new earliest. Interrupts masked.
void timer_start(Timer* t);

// Ends the wait of `w`: takes its nodes out of their queues, stops its timer, records how it ended
// and makes its coroutine ready. Interrupts masked; from a coroutine or an interrupt handler.
void complete(Waiter* w, int8_t which, Status status);

// Blocks the running coroutine on the waiter `w`, whose nodes are linked and deadline set, with
// interrupts masked as saved in `s`; returns how the wait ended.
Status suspend(Waiter& w, port_irq_state s);

// The usual case of suspend(): one queue, one node carrying `data`. Restores `s` either way.
Status wait_on(WaitQueue& q, void* data, Timeout timeout, port_irq_state s, WaitKind kind, const void* object);

// Stops with a clear message unless a coroutine, outside an interrupt, is calling `what`.
Coroutine* blocking_caller(const char* what);

}  // namespace weft::core
