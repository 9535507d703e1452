// Counting semaphore.
#include "weft/semaphore.h"

#include "core.h"

namespace weft {

using namespace core;

// main() is refused where each path can tell it cheaply: block() stops it as it would wait, as a
// coroutine that is not scheduled; the path that takes a unit tests it itself.
Status Semaphore::take() {
    Coroutine* self = k.current;
    if (port_in_irq()) not_blocking_context("Semaphore::take()");
    port_irq_state s = port_irq_save();
    if (count_ != 0) {
        if (self == &k.root) not_blocking_context("Semaphore::take()");
        --count_;
        port_irq_restore(s);
        return Status::ok;
    }
    return wait_plain(self, waiters_, s, WaitKind::semaphore, this);
}

Status Semaphore::take(Timeout timeout) {
    if (timeout.deadline == forever.deadline) return take();
    blocking_caller("Semaphore::take()");
    port_irq_state s = port_irq_save();
    if (count_ == 0) return wait_on(waiters_, nullptr, timeout, s, WaitKind::semaphore, this);
    --count_;
    port_irq_restore(s);
    return Status::ok;
}

Status Semaphore::try_take() {
    port_irq_state s = port_irq_save();
    Status result = count_ > 0 ? Status::ok : Status::would_block;
    if (result == Status::ok) --count_;
    port_irq_restore(s);
    return result;
}

Status Semaphore::give() {
    port_irq_state s = port_irq_save();
    Status result = Status::ok;
    if (!waiters_.empty()) {
        if (__builtin_expect(!wake_front_plain(waiters_), false)) return wake_front_restore(waiters_, s);
    } else if (count_ == UINT32_MAX)
        result = Status::exhausted;
    else
        ++count_;
    port_irq_restore(s);
    return result;
}

}  // namespace weft
