// Mutex.
#include "weft/mutex.h"

#include "core.h"

namespace weft {

using namespace core;

Status Mutex::lock(Timeout timeout) {
    Coroutine* self = blocking_caller("Mutex::lock()");
    port_irq_state s = port_irq_save();
    if (owner_ == nullptr) {
        owner_ = self;
        port_irq_restore(s);
        return Status::ok;
    }
    if (owner_ == self) {
        port_irq_restore(s);
        return Status::deadlock;
    }
    // On success the unlocker has already made us the owner.
    return wait_on(waiters_, nullptr, timeout, s, WaitKind::mutex, this);
}

Status Mutex::try_lock() {
    Coroutine* self = blocking_caller("Mutex::try_lock()");
    port_irq_state s = port_irq_save();
    Status result = owner_ == nullptr ? Status::ok : owner_ == self ? Status::deadlock : Status::would_block;
    if (result == Status::ok) owner_ = self;
    port_irq_restore(s);
    return result;
}

Status Mutex::unlock() {
    if (port_in_irq()) panic("Mutex::unlock() called from an interrupt handler");
    port_irq_state s = port_irq_save();
    if (owner_ != k.current || owner_ == &k.root) {
        port_irq_restore(s);
        return Status::not_owner;
    }
    WaitNode* next = waiters_.front();
    owner_ = next != nullptr ? waiting(next) : nullptr;
    if (next != nullptr) wake_front(waiters_);
    port_irq_restore(s);
    return Status::ok;
}

}  // namespace weft
