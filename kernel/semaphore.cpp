// Counting semaphore.
#include "weft/semaphore.h"

#include "core.h"

namespace weft {

using namespace core;

Status Semaphore::take() {
    Coroutine* self = blocking_caller("Semaphore::take()");
    port_irq_state s = port_irq_save();
    if (count_ == 0) return wait_untimed(self, waiters_, nullptr, s, WaitKind::semaphore, this);
    --count_;
    port_irq_restore(s);
    return Status::ok;
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
        if (__builtin_expect(!wake_front_plain(waiters_), false)) {
            wake_front_restore(waiters_, s);
            return Status::ok;
        }
    } else if (count_ == UINT32_MAX)
        result = Status::exhausted;
    else
        ++count_;
    port_irq_restore(s);
    return result;
}

}  // namespace weft
