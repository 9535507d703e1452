// Event flag.
#include "weft/event.h"

#include "core.h"

namespace weft {

using namespace core;

void Event::set() {
    port_irq_state s = port_irq_save();
    if (auto_reset_) {
        if (!waiters_.empty())
            wake_front(waiters_);
        else
            set_ = true;
    } else {
        set_ = true;
        while (!waiters_.empty()) wake_front(waiters_);
    }
    port_irq_restore(s);
}

void Event::clear() {
    port_irq_state s = port_irq_save();
    set_ = false;
    port_irq_restore(s);
}

Status Event::try_wait() {
    port_irq_state s = port_irq_save();
    Status result = set_ ? Status::ok : Status::would_block;
    if (set_ && auto_reset_) set_ = false;
    port_irq_restore(s);
    return result;
}

Status Event::wait(Timeout timeout) {
    blocking_caller("Event::wait()");
    port_irq_state s = port_irq_save();
    if (set_) {
        if (auto_reset_) set_ = false;
        port_irq_restore(s);
        return Status::ok;
    }
    return wait_on(waiters_, nullptr, timeout, s, WaitKind::event, this);
}

}  // namespace weft
