// Readers-writer lock.
#include "weft/rwlock.h"

#include "core.h"

namespace weft {

using namespace core;

namespace {

char writer_mark;  // the data of a writer's wait node

// Stops: `call` needs the caller to hold a read lock, and the lock shows it cannot.
[[noreturn, gnu::cold]] void no_read_lock(const char* call, bool writer) {
    panic(call, k.current, writer ? ": the caller holds the write lock, not a read lock" : ": no read lock is held");
}

}  // namespace

void core::rwlock_waiter_gave_up(RwLock* lock) { lock->let_in(); }

// Grants the lock to waiters from the front as long as they are compatible: a run of readers, or
// one writer when nobody holds the lock. Interrupts masked.
void RwLock::let_in() {
    while (WaitNode* next = waiters_.front()) {
        bool writer = next->data != nullptr;
        if (writer ? owners_ != 0 : owners_ < 0) return;
        owners_ = writer ? -1 : owners_ + 1;
        if (writer) writer_ = waiting(next);
        wake_front(waiters_);
        if (writer) return;
    }
}

Status RwLock::read_lock(Timeout timeout) {
    blocking_caller("RwLock::read_lock()");
    port_irq_state s = port_irq_save();
    if (owners_ >= 0 && waiters_.empty()) {
        ++owners_;
        port_irq_restore(s);
        return Status::ok;
    }
    return wait_on(waiters_, nullptr, timeout, s, WaitKind::rwlock, this);
}

Status RwLock::try_read_lock() {
    blocking_caller("RwLock::try_read_lock()");
    port_irq_state s = port_irq_save();
    bool free = owners_ >= 0 && waiters_.empty();
    if (free) ++owners_;
    port_irq_restore(s);
    return free ? Status::ok : Status::would_block;
}

Status RwLock::write_lock(Timeout timeout) {
    Coroutine* self = blocking_caller("RwLock::write_lock()");
    port_irq_state s = port_irq_save();
    if (owners_ == 0 && waiters_.empty()) {
        owners_ = -1;
        writer_ = self;
        port_irq_restore(s);
        return Status::ok;
    }
    return wait_on(waiters_, &writer_mark, timeout, s, WaitKind::rwlock, this);
}

Status RwLock::try_write_lock() {
    Coroutine* self = blocking_caller("RwLock::try_write_lock()");
    port_irq_state s = port_irq_save();
    bool free = owners_ == 0 && waiters_.empty();
    if (free) {
        owners_ = -1;
        writer_ = self;
    }
    port_irq_restore(s);
    return free ? Status::ok : Status::would_block;
}

Status RwLock::unlock() {
    if (port_in_irq()) panic("RwLock::unlock() called from an interrupt handler");
    port_irq_state s = port_irq_save();
    if (owners_ == 0 || (owners_ < 0 && writer_ != k.current)) {
        port_irq_restore(s);
        return Status::not_owner;
    }
    if (owners_ < 0) writer_ = nullptr;
    owners_ = owners_ < 0 ? 0 : owners_ - 1;
    let_in();
    port_irq_restore(s);
    return Status::ok;
}

Status RwLock::try_upgrade() {
    Coroutine* self = blocking_caller("RwLock::try_upgrade()");
    port_irq_state s = port_irq_save();
    if (owners_ <= 0) no_read_lock("RwLock::try_upgrade()", owners_ < 0 && writer_ == self);
    bool alone = owners_ == 1 && waiters_.empty();
    if (alone) {
        owners_ = -1;
        writer_ = self;
    }
    port_irq_restore(s);
    return alone ? Status::ok : Status::would_block;
}

Status RwLock::upgrade(Timeout timeout) {
    Coroutine* self = blocking_caller("RwLock::upgrade()");
    port_irq_state s = port_irq_save();
    if (owners_ <= 0) no_read_lock("RwLock::upgrade()", owners_ < 0 && writer_ == self);
    if (owners_ == 1 && waiters_.empty()) {
        owners_ = -1;
        writer_ = self;
        port_irq_restore(s);
        return Status::ok;
    }
    // Fair to whoever already waits: give up the read lock and queue as a writer behind them.
    --owners_;
    let_in();
    return wait_on(waiters_, &writer_mark, timeout, s, WaitKind::rwlock, this);
}

void RwLock::downgrade() {
    if (port_in_irq()) panic("RwLock::downgrade() called from an interrupt handler");
    port_irq_state s = port_irq_save();
    if (owners_ >= 0 || writer_ != k.current)
        panic("RwLock::downgrade()", k.current, ": the caller does not hold the write lock");
    owners_ = 1;
    writer_ = nullptr;
    let_in();
    port_irq_restore(s);
}

}  // namespace weft
