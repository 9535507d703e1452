// CoMutex: a fair coroutine mutex. Unlock hands the lock straight to the longest waiter, so no
// coroutine that arrives later can take it first, and a waiter wakes up already holding it.
#include "compat_internal.h"

using namespace weft_qemu;

void qemu_co_mutex_init(CoMutex* mutex) { *mutex = CoMutex{}; }

void qemu_co_mutex_lock(CoMutex* mutex) {
    Coroutine* self = qemu_coroutine_self();
    if (mutex->locked != 0 && mutex->holder == self)
        port_panic("weft: qemu_co_mutex_lock: the caller already holds this CoMutex (it is not recursive)");
    if (mutex->locked++ != 0) {
        if (!qemu_in_coroutine())
            port_panic("weft: qemu_co_mutex_lock: the CoMutex is held and the caller, not a coroutine, cannot wait");
        push_back(mutex->waiters.entries, self, &Coroutine::co_queue_next);
        qemu_coroutine_yield();  // entered again once unlock has made us the holder
    }
    mutex->holder = self;
    ++self->locks_held;
}

void qemu_co_mutex_unlock(CoMutex* mutex) {
    Coroutine* self = qemu_coroutine_self();
    if (mutex->locked == 0) port_panic("weft: qemu_co_mutex_unlock: the CoMutex is not locked");
    if (mutex->holder != self) port_panic("weft: qemu_co_mutex_unlock: the caller does not hold the CoMutex");
    if (!qemu_in_coroutine()) port_panic("weft: qemu_co_mutex_unlock: called outside a coroutine");
    mutex->holder = nullptr;
    --self->locks_held;
    // `locked` keeps counting the waiter it is handed to, so the mutex never looks free meanwhile.
    if (--mutex->locked != 0) wake(pop_front(mutex->waiters.entries, &Coroutine::co_queue_next));
}

namespace {

void lock_thunk(void* mutex) { qemu_co_mutex_lock(static_cast<CoMutex*>(mutex)); }
void unlock_thunk(void* mutex) { qemu_co_mutex_unlock(static_cast<CoMutex*>(mutex)); }

}  // namespace

QemuLockable* qemu_co_mutex_lockable(CoMutex* mutex) {
    if (mutex == nullptr) return nullptr;
    mutex->lockable = QemuLockable{mutex, lock_thunk, unlock_thunk};
    return &mutex->lockable;
}
