// CoQueue: QEMU's condition variable for coroutines. Waiters are linked through their own
// Coroutine.co_queue_next, so a queue is two pointers however many wait.
#include "compat_internal.h"

using namespace weft_qemu;

void qemu_co_queue_init(CoQueue* queue) { queue->entries = WeftCoroutineFifo{}; }

void qemu_co_queue_wait_impl(CoQueue* queue, QemuLockable* lock, CoQueueWaitFlags flags) {
    Coroutine* self = running_or_stop("weft: qemu_co_queue_wait: called outside a coroutine");
    if (flags & CO_QUEUE_WAIT_FRONT)
        push_front(queue->entries, self, &Coroutine::co_queue_next);
    else
        push_back(queue->entries, self, &Coroutine::co_queue_next);
    // Queued before the lock is dropped, so a waker that takes the lock next cannot miss us.
    if (lock != nullptr) qemu_lockable_unlock(lock);
    qemu_coroutine_yield();
    if (lock != nullptr) qemu_lockable_lock(lock);
}

namespace {

bool restart(CoQueue* queue, bool all) {
    if (qemu_co_queue_empty(queue)) return false;
    while (Coroutine* next = pop_front(queue->entries, &Coroutine::co_queue_next)) {
        wake(next);
        if (!all) break;
    }
    return true;
}

}  // namespace

bool qemu_co_queue_next(CoQueue* queue) { return restart(queue, false); }

void qemu_co_queue_restart_all(CoQueue* queue) { restart(queue, true); }

bool qemu_co_enter_next_impl(CoQueue* queue, QemuLockable* lock) {
    Coroutine* next = pop_front(queue->entries, &Coroutine::co_queue_next);
    if (next == nullptr) return false;
    // Outside a coroutine the waiter runs right here, and it will likely want the lock.
    if (lock != nullptr) qemu_lockable_unlock(lock);
    wake(next);
    if (lock != nullptr) qemu_lockable_lock(lock);
    return true;
}

void qemu_co_enter_all_impl(CoQueue* queue, QemuLockable* lock) {
    while (qemu_co_enter_next_impl(queue, lock)) {
    }
}

bool qemu_co_queue_empty(CoQueue* queue) { return queue->entries.first == nullptr; }
