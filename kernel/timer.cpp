// Deadlines: the tickless timer, blocking with a timeout, and sleeping.
#include "core.h"
#include "weft/rwlock.h"

namespace weft {
namespace core {

void timer_start(Timer* t) {
    if (k.timers.insert(t)) port_timer_arm(t->deadline);
}

// A stopped timer that was the earliest moves the port's alarm to the next deadline, or off: an
// interrupt for nothing would wake an idle CPU, and a port whose timer only serves deadlines can
// stop it. Waits without a timeout, the hot ones, have no timer to stop.
static void timer_stop(Timer* t) {
    if (!TimerHeap::pending(t)) return;
    bool earliest = k.timers.earliest() == t;
    k.timers.remove(t);
    if (earliest) port_timer_arm(k.timers.next_deadline());
}

// A waiter that leaves an rwlock's queue can unblock those behind it ("readers wait while a
// writer holds or waits"): at once, on the timer's tick, not at the next unlock.
void timer_expired(Timer* t) {
    Waiter* w = static_cast<Waiter*>(t);
    complete(w, -1, Status::timeout);
    if (w->kind == WaitKind::rwlock) rwlock_waiter_gave_up(const_cast<RwLock*>(static_cast<const RwLock*>(w->object)));
}

void complete(Waiter* w, int8_t which, Status status) {
    for (WaitNode* n = w->nodes; n != w->nodes + w->count; ++n)
        if (n->queue != nullptr) n->queue->remove(n);
    timer_stop(w);
    w->status = status;
    w->fired = which;
    ready_insert(w->co);
}

void wake_front(WaitQueue& q) { wake_front_inline(q); }

Status wake_front_restore(WaitQueue& q, port_irq_state s) {
    wake_front(q);
    port_irq_restore(s);
    return Status::ok;
}

Status suspend(Waiter& w, port_irq_state s) { return suspend_inline(w, s); }

Status wait_on(WaitQueue& q, void* data, Timeout timeout, port_irq_state s, WaitKind kind, const void* object) {
    if (timeout.deadline != UINT64_MAX && timeout.deadline <= port_ticks()) {
        port_irq_restore(s);
        return Status::timeout;
    }
    WaitNode node;
    Waiter w;
    wait_one(w, node, k.current, q, data, timeout.deadline != UINT64_MAX, kind, object);
    w.deadline = timeout.deadline;
    return suspend(w, s);
}

}  // namespace core

using namespace core;

void sleep_until(Tick deadline) {
    Coroutine* self = blocking_caller("sleep_until()");
    port_irq_state s = port_irq_save();
    if (deadline <= port_ticks()) {
        port_irq_restore(s);
        yield();
        return;
    }
    Waiter w;
    w.deadline = deadline;
    w.co = self;
    w.nodes = nullptr;
    w.count = 0;
    w.fired = 0;
    w.status = Status::ok;
    w.kind = WaitKind::sleep;
    w.timer = true;
    w.object = nullptr;
    (void)suspend(w, s);
}

}  // namespace weft

extern "C" void port_timer_expired() {
    using namespace weft::core;
    port_irq_state s = port_irq_save();
    weft::Tick now = port_ticks();
    while (weft::Timer* t = k.timers.pop_due(now)) t->fire(t);
    port_timer_arm(k.timers.next_deadline());
    port_irq_restore(s);
}
