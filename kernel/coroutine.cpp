// The coroutine life cycle: create, enter, yield, terminate.
#include "core.h"
#include "weft/pool.h"

// The paint, a word at a time, two 16-byte blocks a turn: a C library's memset built for size goes
// byte by byte, and a plain loop would be turned back into a call to it. At most one block is left
// over, painted first. Weak: a port may give a faster one (port.h).
extern "C" [[gnu::weak]] void port_fill(void* lo, void* hi, uintptr_t word) {
    constexpr unsigned per = 16 / sizeof(uintptr_t);
    auto* p = static_cast<uintptr_t*>(lo);
    auto* end = static_cast<uintptr_t*>(hi);
    if (((end - p) & per) != 0) {
#pragma GCC unroll 4
        for (unsigned i = 0; i < per; ++i) p[i] = word;
        p += per;
    }
    // Tested at the bottom: one branch a turn, not two. The empty asm keeps GCC from merging the
    // test before the loop with the one closing it, which would put the loop's test back on top.
    if (p >= end) return;
    __asm__("" : "+r"(word));
    do {
#pragma GCC unroll 8
        for (unsigned i = 0; i < 2 * per; ++i) p[i] = word;
        p += 2 * per;
        __asm__("" : : "r"(p) : "memory");
    } while (p < end);
}

namespace weft {
namespace core {

// The root context has no stack of its own to guard; its canary is a word that never changes.
static uintptr_t root_guard = canary;

// The root is its own next. __builtin_addressof, not &: clang's check of a variable used in its own
// initialiser takes `&k.root` for a read of k.
constinit Kernel k = {
    .root = {.ctx = {}, .caller = nullptr, .next = __builtin_addressof(k.root),
             .stack = &root_guard, .pool = nullptr, .name = "main",
             .waiter = nullptr, .state = State::suspended, .scheduled = false},
    .current = &k.root,
    .ready_tail = nullptr,
    .owned = 0,
    .timers = {},
};

namespace {

// Placed at the top of a fresh stack, so the control block need not keep entry and arg; it stays
// there while the slot is not handed out again, which is where entry_address() reads the entry.
struct Start {
    Entry entry;
    void* arg;
};

Start* start_record(const port_stack& st) {
    auto top = (reinterpret_cast<uintptr_t>(st.hi) - sizeof(Start)) & ~uintptr_t{PORT_STACK_ALIGN - 1};
    return reinterpret_cast<Start*>(top);
}

[[noreturn]] void terminate(Coroutine* self) {
    Coroutine* to;
    if (self->scheduled) {
        port_irq_state s = port_irq_save();
        to = ready_leave(self);
        --k.owned;
        port_irq_restore(s);
    } else {
        to = back_to(self->caller);
    }
    check_canary(self);
    self->state = State::free;
    self->pool->release(self);
    k.current = to;
    port_switch_final(&self->ctx, &to->ctx);
}

// Paints a stack of a slot handed out before, whose last user wrote only near the end it is used
// from (hi, or lo where it grows up): block by block from there until paint_window bytes in a row
// already hold the paint, so the cost follows how deep that user went, not the stack's size.
// Bounds are 16 bytes apart (port_stacks()), so the blocks are 16 bytes.
// The bounds in registers, not by reference: create() then keeps them in registers too.
[[gnu::noinline]] WEFT_NO_ASAN void repaint_stack(unsigned char* bottom, unsigned char* top, bool grows_up) {
    constexpr uintptr_t word = paint_word;
    constexpr unsigned per = 16 / sizeof(uintptr_t);
    constexpr unsigned window = paint_window / 16;
    auto* lo = reinterpret_cast<uintptr_t*>(bottom);
    auto* hi = reinterpret_cast<uintptr_t*>(top);
    unsigned clean = 0;
    auto block = [&](uintptr_t* b) {
        uintptr_t diff = 0;
        for (unsigned i = 0; i < per; ++i) diff |= b[i] ^ word;
        if (diff == 0) {
            ++clean;
            return;
        }
        for (unsigned i = 0; i < per; ++i) b[i] = word;
        clean = 0;
    };
    if (!grows_up) {
        for (uintptr_t* p = hi; p > lo && clean < window;) block(p -= per);
    } else {
        for (uintptr_t* p = lo; p < hi && clean < window; p += per) block(p);
    }
}

[[noreturn]] void start(void* p) {
    Start s = *static_cast<Start*>(p);
    s.entry(s.arg);
    terminate(k.current);
}

}  // namespace

void not_blocking_context(const char* call) {
    panic(call, nullptr, " called outside a coroutine or from an interrupt handler");
}

namespace {

// The call that made the wait `w`, for the messages that stop it.
const char* call_name(const Waiter& w) {
    const char* call = "a blocking call";
    switch (w.kind) {
    case WaitKind::queue: call = "WaitQueue::wait()"; break;
    case WaitKind::sleep: call = "sleep_until()"; break;
    case WaitKind::mutex: call = "Mutex::lock()"; break;
    case WaitKind::semaphore: call = "Semaphore::take()"; break;
    case WaitKind::event: call = "Event::wait()"; break;
    case WaitKind::rwlock: call = w.nodes[0].data != nullptr ? "RwLock::write_lock()" : "RwLock::read_lock()"; break;
    case WaitKind::channel_send: call = "Channel::send()"; break;
    case WaitKind::channel_receive: call = "Channel::receive()"; break;
    case WaitKind::any: call = "wait_any()"; break;
    case WaitKind::none: break;
    }
    return call;
}

}  // namespace

void masked_wait(const Coroutine* co) {
    panic(call_name(*co->waiter), co,
          " called with interrupts masked: nothing could wake it, and what ran next would run masked");
}

void block_alone(Coroutine* self, port_irq_state s) {
    if (!self->scheduled) return block_unscheduled(self, s);
    block_to(self, ready_leave(self), s);
}

void block_unscheduled(Coroutine* self, port_irq_state s) {
    if (self == &k.root) not_blocking_context(call_name(*self->waiter));
    Coroutine* to = back_to(self->caller);
    self->scheduled = true;
    self->caller = &k.root;
    ++k.owned;
    block_to(self, to, s);
}

}  // namespace core

using namespace core;

Result<Coroutine*> create(Pool& pool, Entry entry, void* arg, const char* name) {
    bool fresh;
    Coroutine* co = pool.acquire(fresh);
    if (co == nullptr) return Status::exhausted;

    port_stack stacks[PORT_STACK_COUNT];
    pool.carve(co->stack, stacks);
    for (const port_stack& st : stacks) {
        // A small stack is painted whole: writing it all costs less than reading a window beyond
        // what its last user wrote (on Cortex-M, port_fill's 0.07 instructions a byte against 1.4).
        if (fresh || !paint_partly || static_cast<size_t>(st.hi - st.lo) <= 4 * paint_window) {
            port_fill(st.lo, st.hi, paint_word);
        } else {
            repaint_stack(st.lo, st.hi, st.grows_up);
        }
        *st.canary = canary;
    }

    // The start record takes the top of the stack the entry function will run on (stacks[0],
    // which grows down on every port).
    Start* record = start_record(stacks[0]);
    *record = {entry, arg};
    stacks[0].hi = reinterpret_cast<unsigned char*>(record);
    port_context_init(&co->ctx, stacks, start, record);

    co->caller = nullptr;
    co->next = co;  // outside the ring: block() tells it so from the ring's last coroutine in one test
    co->name = name;
    co->waiter = nullptr;
    co->scheduled = false;
    co->state = State::suspended;
    return co;
}

namespace {

[[noreturn, gnu::cold]] void bad_enter(const Coroutine* co) {
    if (port_in_irq()) panic("enter() called from an interrupt handler", co);
    if (co == k.current) panic("enter(): the coroutine is already running (re-entered recursively)", co);
    switch (co->state) {
    case State::free: panic("enter(): the coroutine has terminated", co);
    case State::ready:
    case State::waiting: panic("enter(): the coroutine belongs to the scheduler", co);
    default: panic("enter(): the coroutine is already running (re-entered recursively)", co);
    }
}

}  // namespace

void enter(Coroutine* co) {
    if (co->state != State::suspended || co == k.current || port_in_irq()) bad_enter(co);
    Coroutine* self = k.current;
    co->caller = self;
    self->state = State::calling;
    switch_to(self, co);
}

namespace {

// yield() from an entered coroutine, main() or a handler: out of line, so the scheduled path keeps
// no frame of its own and ends in a tail call of the switch.
[[gnu::noinline, gnu::cold]] void yield_unscheduled(Coroutine* self) {
    if (self == &k.root || port_in_irq()) not_blocking_context("yield()");
    switch_to(self, back_to(self->caller));
}

}  // namespace

void yield() {
    Coroutine* self = k.current;
    // Not checked for masked interrupts, to keep the hot path short: a yield hands the CPU to a
    // coroutine that runs, not to a wait. What masked interrupts would hang is caught where it
    // would: a blocking call refuses them, and run() refuses to sleep with them.
    if (__builtin_expect(port_in_irq() || !self->scheduled, false)) return yield_unscheduled(self);
    // Rotating the ring needs no masking: an interrupt only ever inserts behind the tail, and
    // self->next changes under us only while self is alone, when either value is right. Each is
    // one access an interrupt sees whole; volatile, not a relaxed atomic, whose store GCC 12 makes
    // an amoswap on RISC-V.
    Coroutine* next = *static_cast<Coroutine* volatile*>(&self->next);
    if (__builtin_expect(next == self, false)) return;  // alone: keep running
    *static_cast<Coroutine* volatile*>(&k.ready_tail) = self;
    switch_to(self, next);
}

Coroutine* self() { return k.current == &k.root ? nullptr : k.current; }

bool in_coroutine() { return k.current != &k.root; }

bool entered(const Coroutine* co) { return co == k.current || co->state == State::calling; }

const char* name(const Coroutine* co) { return co->name; }

const void* entry_address(const Coroutine* co) {
    if (co->name != nullptr || co->pool == nullptr) return nullptr;
    port_stack stacks[PORT_STACK_COUNT];
    co->pool->carve(co->stack, stacks);
    return reinterpret_cast<const void*>(start_record(stacks[0])->entry);
}

State state(const Coroutine* co) { return co == k.current ? State::running : co->state; }

const Pool* pool_of(const Coroutine* co) { return co->pool; }

size_t stack_size(const Coroutine* co) { return co->pool != nullptr ? co->pool->stack_size() : 0; }

}  // namespace weft
