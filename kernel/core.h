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
    // The ready ring, through Coroutine::next: ready_tail->next is the head. A running scheduled
    // coroutine stays in the ring as its head, so a yield only moves the tail onto it.
    Coroutine* ready_tail;
    unsigned blocked;        // coroutines in State::waiting, which something may still wake
    TimerHeap timers;
};

extern Kernel k;

[[noreturn]] void panic(const char* what, const Coroutine* co = nullptr);
[[noreturn]] void overflow(const Coroutine* co);

// The switch path is inlined into every caller, even at -Os (not under ASan, whose attributes differ).
#if defined(__SANITIZE_ADDRESS__)
#define WEFT_HOT inline
#else
#define WEFT_HOT [[gnu::always_inline]] inline
#endif

WEFT_NO_ASAN WEFT_HOT void check_canary(const Coroutine* co) {
    if (*static_cast<const uintptr_t*>(co->stack) != canary) overflow(co);
}

// Leaves `from` (whose state the caller has set) for `to`; returns when something switches back.
WEFT_HOT void switch_to(Coroutine* from, Coroutine* to) {
    check_canary(from);
    to->state = State::running;
    k.current = to;
    port_switch(&from->ctx, &to->ctx);
}

// The head of the ready ring, or nullptr when nothing is ready. Interrupts masked.
WEFT_HOT Coroutine* ready_head() { return k.ready_tail != nullptr ? k.ready_tail->next : nullptr; }

// Puts `co` at the back of the ready ring. Interrupts masked.
WEFT_HOT void ready_insert(Coroutine* co) {
    Coroutine* tail = k.ready_tail;
    co->state = State::ready;
    co->next = tail != nullptr ? tail->next : co;
    if (tail != nullptr) tail->next = co;
    k.ready_tail = co;
}

// Takes the head (the running coroutine) out of the ring; returns the new head, or nullptr when
// the ring is now empty. Interrupts masked.
WEFT_HOT Coroutine* ready_remove_head() {
    Coroutine* tail = k.ready_tail;
    Coroutine* head = tail->next;
    if (head == tail) {
        k.ready_tail = nullptr;
        return nullptr;
    }
    tail->next = head->next;
    return head->next;
}

// Makes a waiting coroutine ready; the scheduler owns it from now on. Interrupts masked.
WEFT_HOT void make_ready(Coroutine* co) {
    --k.blocked;
    co->scheduled = true;
    co->caller = &k.root;
    co->waiter = nullptr;
    ready_insert(co);
}

// Suspends the running coroutine, just marked waiting with interrupts masked as saved in `s`,
// until it is made ready: a scheduled one leaves the ready ring in the same masked section and
// hands the CPU to the next ready coroutine (or the scheduler), any other returns to its caller.
// A wake-up that lands after the unmask but before the switch puts it back at the ring's tail,
// from where it is resumed once its context is saved: nothing is lost.
WEFT_HOT void block(Coroutine* self, port_irq_state s) {
    Coroutine* to = self->caller;
    if (self->scheduled) {
        to = ready_remove_head();
        if (to == nullptr) to = &k.root;
    }
    port_irq_restore(s);
    switch_to(self, to);
}

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

[[noreturn, gnu::cold]] void not_blocking_context(const char* what);

// Stops with a clear message unless a coroutine, outside an interrupt, is calling `what`.
WEFT_HOT Coroutine* blocking_caller(const char* what) {
    Coroutine* self = k.current;
    if (port_in_irq() || self == &k.root) not_blocking_context(what);
    return self;
}

}  // namespace weft::core
