// Introspection and the coroutine report.
#include "weft/introspect.h"

#include <stdio.h>

#include "core.h"

namespace weft {

using namespace core;

const char* to_string(State s) {
    switch (s) {
    case State::free: return "terminated";
    case State::suspended: return "suspended";
    case State::ready: return "ready";
    case State::running: return "running";
    case State::calling: return "calling";
    case State::waiting: return "waiting";
    }
    return "?";
}

const char* to_string(WaitKind w) {
    switch (w) {
    case WaitKind::none: return "";
    case WaitKind::queue: return "queue";
    case WaitKind::sleep: return "sleep";
    case WaitKind::mutex: return "mutex";
    case WaitKind::semaphore: return "semaphore";
    case WaitKind::event: return "event";
    case WaitKind::rwlock: return "rwlock";
    case WaitKind::channel_send: return "send";
    case WaitKind::channel_receive: return "receive";
    case WaitKind::any: return "any";
    }
    return "?";
}

CoroutineInfo describe(const Coroutine* co) {
    // Only the wait, which a handler can end, is read masked. The stack scan reads up to a whole
    // slot (milliseconds for 16 KiB on a small core), so it runs unmasked: a handler never
    // repaints or frees a slot, and what it pushes onto the running stack only lowers the mark.
    port_irq_state s = port_irq_save();
    const Waiter* w = co->state == State::waiting ? co->waiter : nullptr;
    CoroutineInfo info{co, name(co), entry_address(co), co->pool, state(co),
                       w != nullptr ? w->kind : WaitKind::none, w != nullptr ? w->object : nullptr,
                       w != nullptr && w->timer && TimerHeap::pending(w) ? w->deadline : UINT64_MAX,
                       stack_size(co), 0};
    port_irq_restore(s);
    info.stack_high_water = stack_high_water(co);
    return info;
}

void for_each_coroutine(void (*visit)(const CoroutineInfo&, void*), void* context) {
    for (const Pool* p = first_pool(); p != nullptr; p = p->next_pool())
        for (size_t i = 0; i < p->handed_out(); ++i) visit(describe(p->slot(i)), context);
}

namespace {

struct Sink {
    void (*write)(const char*, void*);
    void* context;
};

void line(const CoroutineInfo& c, void* p) {
    auto& sink = *static_cast<Sink*>(p);
    char who[24];
    char what[48] = "";
    if (c.name != nullptr)
        snprintf(who, sizeof who, "%s", c.name);
    else
        snprintf(who, sizeof who, "%p", c.entry);
    if (c.state == State::waiting) {
        if (c.waiting_for == WaitKind::sleep)
            snprintf(what, sizeof what, "sleep until %llu", static_cast<unsigned long long>(c.wake_at));
        else if (c.wake_at != UINT64_MAX)
            snprintf(what, sizeof what, "%s %p until %llu", to_string(c.waiting_for), c.waiting_on,
                     static_cast<unsigned long long>(c.wake_at));
        else
            snprintf(what, sizeof what, "%s %p", to_string(c.waiting_for), c.waiting_on);
    }
    char text[160];
    snprintf(text, sizeof text, "%-16s %-12s %-10s %-32s %7zu %7zu", who, c.pool->name(), to_string(c.state),
             what, c.stack_size, c.stack_high_water);
    sink.write(text, sink.context);
}

}  // namespace

void report(void (*write)(const char*, void*), void* context) {
    char text[160];
    write("pool         used   peak  capacity  stack  exhausted", context);
    for (const Pool* p = first_pool(); p != nullptr; p = p->next_pool()) {
        snprintf(text, sizeof text, "%-12s %4zu %6zu %9zu %6zu %10lu", p->name(), p->used(), p->peak(), p->capacity(),
                 p->stack_size(), static_cast<unsigned long>(p->exhausted()));
        write(text, context);
    }
    snprintf(text, sizeof text, "%-16s %-12s %-10s %-32s %7s %7s", "coroutine", "pool", "state", "waiting on",
             "stack", "used");
    write(text, context);
    Sink sink{write, context};
    for_each_coroutine(line, &sink);
}

}  // namespace weft
