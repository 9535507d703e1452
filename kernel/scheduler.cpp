// Scheduling: the ready queue, blocking and waking, and the idle loop.
#include "weft/scheduler.h"

#include "core.h"

namespace weft {

using namespace core;

Result<Coroutine*> spawn(Pool& pool, Entry entry, void* arg, const char* name) {
    Result<Coroutine*> made = create(pool, entry, arg, name);
    if (made) {
        Coroutine* co = *made;
        co->scheduled = true;
        co->caller = &k.root;
        port_irq_state s = port_irq_save();
        ++k.owned;
        ready_insert(co);
        port_irq_restore(s);
    }
    return made;
}

Status run() {
    if (k.current != &k.root) panic("run() called from inside a coroutine", k.current);
    for (;;) {
        // Masked before the section below: a coroutine left them masked (it yielded or ended so),
        // and no interrupt could end the sleep.
        bool masked = port_irqs_masked();
        // Check and sleep in one masked section: an interrupt that makes a coroutine ready after
        // the check stays pending, ends the sleep at once, and is taken on the restore.
        port_irq_state s = port_irq_save();
        Coroutine* next = ready_head();
        if (next == nullptr) {
            if (masked && k.owned != 0)
                panic("run(): every coroutine waits, and interrupts are masked: a coroutine yielded or ended with them masked");
            bool more = k.owned != 0 && port_idle();
            bool waiting = k.owned != 0;
            port_irq_restore(s);
            if (!more && k.ready_tail == nullptr) return waiting ? Status::deadlock : Status::ok;
            continue;
        }
        port_irq_restore(s);
        switch_to(&k.root, next);  // it stays in the ring, as its head, while it runs
    }
}

}  // namespace weft
