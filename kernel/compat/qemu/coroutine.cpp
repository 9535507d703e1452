// QEMU's coroutine life cycle on Weft. A QEMU Coroutine is not a separate allocation: slot i of the
// pool 'qemu_coroutines' has Weft's control block blocks[i] and QEMU's view beside[i], so each is
// found from the other by index and a terminated coroutine's view stays readable until the slot is
// handed out again, which QEMU's enter loop relies on.
#include <stdint.h>

#include "compat_internal.h"
#include "weft/coroutine.h"
#include "weft_qemu.h"

WEFT_POOL(qemu_coroutines, WEFT_QEMU_POOL_COUNT, WEFT_QEMU_POOL_STACK_SIZE);

using namespace weft_qemu;

namespace {

constinit Coroutine beside[WEFT_QEMU_POOL_COUNT];

// QEMU hands out one per thread; firmware has one thread, so one will do.
constinit Coroutine leader;

Coroutine* qemu_of(weft::Coroutine* w) {
    if (w == nullptr || weft::pool_of(w) != &qemu_coroutines) return nullptr;
    return &beside[w - qemu_coroutines_blocks];
}

weft::Coroutine* weft_of(Coroutine* co) {
    auto at = reinterpret_cast<uintptr_t>(co);
    auto base = reinterpret_cast<uintptr_t>(&beside[0]);
    if (at < base || at >= base + sizeof beside) {
        port_panic(co == &leader ? "weft: qemu_coroutine_enter: the leader (qemu_coroutine_self() outside a "
                                   "coroutine) cannot be entered"
                                 : "weft: qemu_coroutine_enter: not a coroutine from qemu_coroutine_create()");
    }
    return &qemu_coroutines_blocks[co - beside];
}

// Fatal reports are built without the C library's formatting, as the kernel's own are.
struct Message {
    char text[128];
    size_t len = 0;

    Message& operator<<(const char* s) {
        while (*s != '\0' && len + 1 < sizeof text) text[len++] = *s++;
        text[len] = '\0';
        return *this;
    }
    Message& operator<<(size_t n) {
        char digits[24];
        int i = sizeof digits - 1;
        digits[i] = '\0';
        do digits[--i] = static_cast<char>('0' + n % 10); while ((n /= 10) != 0);
        return *this << &digits[i];
    }
};

[[noreturn, gnu::cold]] void exhausted() {
    Message m;
    m << "weft: qemu_coroutine_create: pool '" << qemu_coroutines.name() << "' exhausted ("
      << qemu_coroutines.capacity() << " coroutines)";
    port_panic(m.text);
}

[[noreturn, gnu::cold]] void ended_holding_locks(const Coroutine* co) {
    Message m;
    m << "weft: a QEMU coroutine terminated holding " << co->locks_held << " lock(s)";
    port_panic(m.text);
}

}  // namespace

namespace weft_qemu {

void wake(Coroutine* co) {
    Coroutine* self = qemu_of(weft::self());
    if (self == nullptr) {
        qemu_coroutine_enter(co);
        return;
    }
    if (self == co) port_panic("weft: a QEMU coroutine woke itself");
    push_back(self->co_queue_wakeup, co, &Coroutine::co_queue_next);
}

Coroutine* running_or_stop(const char* misuse) {
    Coroutine* self = qemu_of(weft::self());
    if (self == nullptr) port_panic(misuse);
    return self;
}

}  // namespace weft_qemu

Coroutine* qemu_coroutine_create(CoroutineEntry* entry, void* opaque) {
    weft::Result<weft::Coroutine*> made = weft::create(qemu_coroutines, entry, opaque);
    if (!made) exhausted();
    Coroutine* co = qemu_of(*made);
    *co = Coroutine{};
    co->entry = entry;
    co->entry_arg = opaque;
    return co;
}

void qemu_coroutine_enter(Coroutine* co) {
    Coroutine* from = qemu_coroutine_self();
    WeftCoroutineFifo pending{};
    push_back(pending, co, &Coroutine::co_queue_next);
    while (Coroutine* to = pop_front(pending, &Coroutine::co_queue_next)) {
        weft::Coroutine* w = weft_of(to);
        to->caller = from;
        weft::enter(w);  // stops on a coroutine that is running, in the caller chain, or gone
        CoroutineAction ret = weft::state(w) == weft::State::free ? COROUTINE_TERMINATE : COROUTINE_YIELD;
        // Those `to` woke run next, ahead of those woken earlier: depth first, as in QEMU.
        splice_front(pending, to->co_queue_wakeup, &Coroutine::co_queue_next);
        if (ret == COROUTINE_TERMINATE) {
            if (to->locks_held != 0) ended_holding_locks(to);
            to->caller = nullptr;
        }
    }
}

void qemu_coroutine_enter_if_inactive(Coroutine* co) {
    if (!qemu_coroutine_entered(co)) qemu_coroutine_enter(co);
}

void qemu_coroutine_yield() {
    Coroutine* self = running_or_stop("weft: qemu_coroutine_yield: yielding to no one (called outside a coroutine)");
    self->caller = nullptr;
    weft::yield();
}

Coroutine* qemu_coroutine_self() {
    Coroutine* self = qemu_of(weft::self());
    return self != nullptr ? self : &leader;
}

bool qemu_in_coroutine() { return qemu_of(weft::self()) != nullptr; }

bool qemu_coroutine_entered(Coroutine* co) { return co->caller != nullptr; }
