// Scheduling: the ready queue, blocking and waking, and the idle loop.
#include "weft/scheduler.h"

#include "core.h"

namespace weft {
namespace core {

void wake(Coroutine* co) {
    port_irq_state s = port_irq_save();
    --k.blocked;
    co->scheduled = true;
    co->waiter = nullptr;
    ready_push(co);
    port_irq_restore(s);
}

void block(Coroutine* self) {
    Coroutine* to = self->caller;
    if (self->scheduled) {
        port_irq_state s = port_irq_save();
        to = ready_pop();
        port_irq_restore(s);
        if (to == self) {  // an interrupt woke it before it got away
            self->state = State::running;
            return;
        }
        if (to == nullptr) to = &k.root;
        to->caller = &k.root;
    }
    switch_to(self, to);
}

}  // namespace core

using namespace core;

Result<Coroutine*> spawn(Pool& pool, Entry entry, void* arg, const char* name) {
    Result<Coroutine*> made = create(pool, entry, arg, name);
    if (made) {
        Coroutine* co = *made;
        co->scheduled = true;
        port_irq_state s = port_irq_save();
        ready_push(co);
        port_irq_restore(s);
    }
    return made;
}

Status run() {
    if (k.current != &k.root) panic("run() called from inside a coroutine", k.current);
    for (;;) {
        // Check and sleep in one masked section: an interrupt that makes a coroutine ready after
        // the check stays pending, ends the sleep at once, and is taken on the restore.
        port_irq_state s = port_irq_save();
        Coroutine* next = ready_pop();
        if (next == nullptr) {
            bool more = k.blocked != 0 && port_idle();
            bool waiting = k.blocked != 0;
            port_irq_restore(s);
            if (!more && k.ready_head == nullptr) return waiting ? Status::deadlock : Status::ok;
            continue;
        }
        port_irq_restore(s);
        next->caller = &k.root;
        switch_to(&k.root, next);
    }
}

}  // namespace weft
