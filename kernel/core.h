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

// Written at each stack's limit; a different value means the stack overflowed. One byte repeated,
// so that Thumb-2's cmp takes it as an immediate and the check on every switch loads no literal;
// not the paint's byte, nor 0, 0xFF or a printable character, which overflowing data often repeats.
inline constexpr uintptr_t canary = static_cast<uintptr_t>(0xC3C3C3C3C3C3C3C3ull);
// Fresh stacks are filled with this byte so the high-water mark can be read back.
inline constexpr unsigned char paint = 0xA5;
inline constexpr uintptr_t paint_word = static_cast<uintptr_t>(0x0101010101010101ull) * paint;
// A slot handed out again is painted only where its last user wrote: from the end its stack is used
// from toward the far end, until this many bytes in a row already hold the paint. The high-water
// mark stays exact as long as no frame leaves more than this unwritten between the bytes it and
// its callees write; a larger gap leaves bytes unpainted beyond it, which later marks count as
// used: they err high, never low. A port may set its own (PORT_PAINT_WINDOW, a multiple of 16).
#ifdef PORT_PAINT_WINDOW
inline constexpr size_t paint_window = PORT_PAINT_WINDOW;
#else
inline constexpr size_t paint_window = 256;
#endif
static_assert(paint_window >= 16 && paint_window % 16 == 0, "PORT_PAINT_WINDOW: a multiple of 16 bytes");
// Under AddressSanitizer the red zones around frames are never written, and a reused slot's last
// user leaves gaps wider than any window: that build paints every slot whole.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool paint_partly = false;
#else
inline constexpr bool paint_partly = true;
#endif

struct Kernel {
    Coroutine root;          // the context that is not a coroutine: main(), and the scheduler loop
    Coroutine* current;
    // The ready ring, through Coroutine::next: ready_tail->next is the head. A running scheduled
    // coroutine stays in the ring as its head, so a yield only moves the tail onto it.
    Coroutine* ready_tail;
    // Coroutines the scheduler owns, alive. When the ring is empty and main runs, all of them
    // wait: counting ownership rather than waits keeps the count off every wait and wake-up.
    unsigned owned;
    TimerHeap timers;
};

extern Kernel k;

[[noreturn]] void panic(const char* what, const Coroutine* co = nullptr, const char* more = "");
[[noreturn]] void overflow(const Coroutine* co);
// Bytes of one stack used since it was painted.
size_t high_water(const port_stack& st);
// Checks the canaries of stacks[1] on, on a port with several stacks per slot.
void check_other_canaries(const Coroutine* co);

// The switch path is inlined into every caller, even at -Os (not under ASan, whose attributes differ).
#if defined(__SANITIZE_ADDRESS__)
#define WEFT_HOT inline
#else
#define WEFT_HOT [[gnu::always_inline]] inline
#endif

// The canary of stacks[0] is the slot's first word, the only one on most ports: read without
// carving. A port with more stacks per slot has each one's checked too (not the root context's,
// which has no slot).
WEFT_NO_ASAN WEFT_HOT void check_canary(const Coroutine* co) {
    if (*static_cast<const uintptr_t*>(co->stack) != canary) overflow(co);
    if constexpr (PORT_STACK_COUNT > 1) {
        if (co->pool != nullptr) check_other_canaries(co);
    }
}

// Leaves `from` (whose state the caller has set) for `to`; returns when something switches back.
// A running coroutine keeps the state it rests in (ready when scheduled): running is k.current.
WEFT_HOT void switch_to(Coroutine* from, Coroutine* to) {
    check_canary(from);
    k.current = to;
    port_switch(&from->ctx, &to->ctx);
}

// The head of the ready ring, or nullptr when nothing is ready. Interrupts masked.
WEFT_HOT Coroutine* ready_head() { return k.ready_tail != nullptr ? k.ready_tail->next : nullptr; }

// Puts `co`, new or woken, at the back of the ready ring. Interrupts masked.
WEFT_HOT void ready_insert(Coroutine* co) {
    // In this order the waker's registers suffice, and it keeps no frame.
    Coroutine* tail = k.ready_tail;
    k.ready_tail = co;
    if (__builtin_expect(tail != nullptr, true)) {
        co->next = tail->next;
        tail->next = co;
    } else {
        co->next = co;
    }
    co->state = State::ready;
}

// Takes `self`, the running coroutine and so the ring's head, out of the ring; returns what runs
// next: the new head, or main (the scheduler) when the ring is now empty. Interrupts masked.
WEFT_HOT Coroutine* ready_leave(Coroutine* self) {
    Coroutine* next = self->next;
    if (next == self) {
        k.ready_tail = nullptr;
        return &k.root;
    }
    k.ready_tail->next = next;
    return next;
}

// What `co` rests in while not running: it is entered (suspended) or in the ring (ready).
WEFT_HOT State resting(const Coroutine* co) { return co->scheduled ? State::ready : State::suspended; }

// Hands control back to the caller chain: `to`, which entered the coroutine leaving, runs again.
WEFT_HOT Coroutine* back_to(Coroutine* to) {
    to->state = resting(to);
    return to;
}

// block() for a coroutine that is its own next: one that is not scheduled (block_unscheduled()),
// or one alone in the ring, which hands the CPU to main (the scheduler). Out of line, so the hot
// path tests for both with one branch and no conditional stores.
[[gnu::cold, gnu::noinline]] void block_alone(Coroutine* self, port_irq_state s);

// The whole of block() for a coroutine that is not scheduled, out of line: a call in the middle
// of the hot path would make every caller keep more registers across it. It is also where main()
// stops, when a call that leaves that check to block() (Semaphore::take()) would wait in it.
[[gnu::cold, gnu::noinline]] void block_unscheduled(Coroutine* self, port_irq_state s);

// Stops: `co`, running, was about to wait on its waiter with interrupts masked before its call
// masked them (the saved state is true): nothing could wake it, and whatever ran next would run masked.
[[noreturn, gnu::cold]] void masked_wait(const Coroutine* co);

// The tail of block(), once `to` is known.
WEFT_HOT void block_to(Coroutine* self, Coroutine* to, port_irq_state s) {
    port_irq_restore(s);
    // Masked before the call masked them? Tested here, where the call really waits, after the
    // restore, where the compiler has no use left for the saved state: one instruction on
    // Cortex-M's blocking path, none on the path that does not block.
    if (__builtin_expect(static_cast<bool>(s), false)) masked_wait(self);
    switch_to(self, to);
}

// Suspends the running coroutine, just marked waiting with interrupts masked as saved in `s`,
// until it is made ready: a scheduled one leaves the ready ring in the same masked section and
// hands the CPU to the next ready coroutine (or the scheduler); any other returns to its caller
// and the scheduler owns it from now on, as it is woken into the ring.
// A wake-up that lands after the unmask but before the switch puts it back at the ring's tail,
// from where it is resumed once its context is saved: nothing is lost.
// One test finds both cold cases: a coroutine outside the ring is its own next (create()), as is
// one alone in it.
WEFT_HOT void block(Coroutine* self, port_irq_state s) {
    Coroutine* next = self->next;
    if (__builtin_expect(next == self, false)) return block_alone(self, s);
    k.ready_tail->next = next;  // ready_leave(), the ring not left empty
    block_to(self, next, s);
}

// Starts `t`, re-arming the port's timer when it is the new earliest. Interrupts masked.
void timer_start(Timer* t);

// Ends the wait of `w`: takes its nodes out of their queues, stops its timer, records how it ended
// and makes its coroutine ready. Interrupts masked; from a coroutine or an interrupt handler.
void complete(Waiter* w, int8_t which, Status status);

// Ends the wait of the longest waiter in `q` (not empty) with Status::ok. A plain wait (this
// queue alone, no timeout), the common case, needs only its node unlinked and its coroutine made
// ready: its outcome can only be ok from node 0. Interrupts masked.
void wake_front(WaitQueue& q);

// wake_front() and then the restore of `s`, for a waiter that is not plain; returns ok. Out of
// line, and a tail call for its caller, so that a caller whose other paths make no call keeps no frame.
[[gnu::noinline]] Status wake_front_restore(WaitQueue& q, port_irq_state s);

// Wakes the longest waiter of `q` (not empty) if its wait is plain, and says so; otherwise
// leaves it, for wake_front() or wake_front_restore(). Interrupts masked.
WEFT_HOT bool wake_front_plain(WaitQueue& q) {
    WaitNode* n = q.front();
    Coroutine* co = n->co;
    if (__builtin_expect(co == nullptr, false)) return false;
    q.pop_front();
    ready_insert(co);
    return true;
}

WEFT_HOT void wake_front_inline(WaitQueue& q) {
    if (!wake_front_plain(q)) {
        WaitNode* n = q.front();
        complete(n->waiter, static_cast<int8_t>(n->index), Status::ok);
    }
}

void timer_expired(Timer* t);

// The coroutine that waits through `n`, plain or not.
inline Coroutine* waiting(const WaitNode* n) { return n->co != nullptr ? n->co : n->waiter->co; }

// Blocks the running coroutine on `w`, prepared and with its timer, if any, started; returns how
// the wait ended. Interrupts masked as saved in `s`.
WEFT_HOT Status park(Waiter& w, port_irq_state s) {
    Coroutine* self = w.co;
    self->waiter = &w;
    self->state = State::waiting;
    block(self, s);
    return w.status;
}

// Blocks the running coroutine on the waiter `w`, whose nodes are linked, deadline set and outcome
// preset to ok from node 0, with interrupts masked as saved in `s`; returns how the wait ended.
WEFT_HOT Status suspend_inline(Waiter& w, port_irq_state s) {
    w.prev = nullptr;
    if (w.deadline != UINT64_MAX) {
        w.fire = timer_expired;
        timer_start(&w);
    }
    return park(w, s);
}
Status suspend(Waiter& w, port_irq_state s);

// The usual case of suspend(): the running coroutine waits in one queue, with one node carrying
// `data`. Restores `s` either way.
Status wait_on(WaitQueue& q, void* data, Timeout timeout, port_irq_state s, WaitKind kind, const void* object);

// Prepares the waiter `w` of `self` on one queue through `node`, carrying `data`, and links the
// node in `q`; the deadline and the timer, when `timed`, are the caller's. Interrupts masked.
WEFT_HOT void wait_one(Waiter& w, WaitNode& node, Coroutine* self, WaitQueue& q, void* data, bool timed,
                       WaitKind kind, const void* object) {
    // Field by field: a brace initialiser of the whole node becomes a memset call at -Os.
    node.data = data;
    node.co = timed ? nullptr : self;
    node.index = 0;
    node.waiter = &w;
    w.co = self;
    w.nodes = &node;
    w.count = 1;
    w.fired = 0;
    w.status = Status::ok;
    w.kind = kind;
    w.timer = true;
    w.object = object;
    q.push(&node);
}

// wait_on() without a timeout for the hottest caller, Semaphore::take(), whose plain wait can
// only end with ok, by a waker that pops its node from the front and reads only its coroutine.
// So the record holds what that waker and introspection read (describe(), `weft coroutines`:
// the kind, the object, that there is no timer) and nothing for complete(), wait_any or a status.
// Interrupts masked as saved in `s`; restores them.
WEFT_HOT Status wait_plain(Coroutine* self, WaitQueue& q, port_irq_state s, WaitKind kind,
                           const void* object) {
    // The node first, at the frame's base: linking it then stores sp itself, with no address to form.
    struct {
        WaitNode node;
        Waiter w;
    } record;
    WaitNode& node = record.node;
    Waiter& w = record.w;
    node.co = self;
    w.kind = kind;
    w.timer = false;  // no timer: neither its link nor the deadline is read
    w.object = object;
    q.link(&node);
    self->waiter = &w;
    self->state = State::waiting;
    block(self, s);
    return Status::ok;
}

// Stops: `call` (such as "yield()") was called outside a coroutine or from an interrupt handler.
[[noreturn, gnu::cold]] void not_blocking_context(const char* call);

// The running coroutine; stops with a clear message naming `call` when there is none, or when an
// interrupt handler is calling. (A call that then waits with interrupts masked stops in block().)
WEFT_HOT Coroutine* blocking_caller(const char* call) {
    Coroutine* self = k.current;
    if (port_in_irq() || self == &k.root) not_blocking_context(call);
    return self;
}

}  // namespace weft::core
