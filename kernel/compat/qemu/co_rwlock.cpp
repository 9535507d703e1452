// CoRwlock: readers share, a writer is alone, and whoever cannot get in joins a single line in
// arrival order. A reader that finds anyone in line waits too, which is what keeps writers from
// starving. The line's tickets live on the waiters' own stacks.
#include "compat_internal.h"

using namespace weft_qemu;

struct CoRwTicket {
    bool read;
    Coroutine* co;
    CoRwTicket* next;
};

namespace {

// Called holding lock->mutex, which it releases. The head of the line is let in when it fits beside
// the current owners; the owners count is updated here, for it, so nobody can slip in before it runs.
// A reader let in calls this again, so a run of readers at the head goes in one after the other.
void let_in_next(CoRwlock* lock) {
    CoRwTicket* head = lock->tickets.first;
    Coroutine* co = nullptr;
    if (head != nullptr && (head->read ? lock->owners >= 0 : lock->owners == 0)) {
        lock->owners = head->read ? lock->owners + 1 : -1;
        co = pop_front(lock->tickets, &CoRwTicket::next)->co;
    }
    qemu_co_mutex_unlock(&lock->mutex);
    if (co != nullptr) wake(co);
}

// Joins the line (the caller holds lock->mutex) and waits to be let in.
void wait_in_line(CoRwlock* lock, Coroutine* self, bool read, bool let_others_in) {
    CoRwTicket ticket{read, self, nullptr};
    push_back(lock->tickets, &ticket, &CoRwTicket::next);
    if (let_others_in)
        let_in_next(lock);
    else
        qemu_co_mutex_unlock(&lock->mutex);
    qemu_coroutine_yield();
}

}  // namespace

void qemu_co_rwlock_init(CoRwlock* lock) {
    qemu_co_mutex_init(&lock->mutex);
    lock->owners = 0;
    lock->tickets.first = lock->tickets.last = nullptr;
}

void qemu_co_rwlock_rdlock(CoRwlock* lock) {
    Coroutine* self = running_or_stop("weft: qemu_co_rwlock_rdlock: called outside a coroutine");
    qemu_co_mutex_lock(&lock->mutex);
    if (lock->owners == 0 || (lock->owners > 0 && lock->tickets.first == nullptr)) {
        ++lock->owners;
        qemu_co_mutex_unlock(&lock->mutex);
    } else {
        wait_in_line(lock, self, true, false);
        qemu_co_mutex_lock(&lock->mutex);
        let_in_next(lock);  // a reader behind us may share
    }
    ++self->locks_held;
}

void qemu_co_rwlock_wrlock(CoRwlock* lock) {
    Coroutine* self = running_or_stop("weft: qemu_co_rwlock_wrlock: called outside a coroutine");
    qemu_co_mutex_lock(&lock->mutex);
    if (lock->owners == 0) {
        lock->owners = -1;
        qemu_co_mutex_unlock(&lock->mutex);
    } else {
        wait_in_line(lock, self, false, false);
    }
    ++self->locks_held;
}

void qemu_co_rwlock_unlock(CoRwlock* lock) {
    Coroutine* self = running_or_stop("weft: qemu_co_rwlock_unlock: called outside a coroutine");
    qemu_co_mutex_lock(&lock->mutex);
    if (lock->owners == 0) port_panic("weft: qemu_co_rwlock_unlock: the CoRwlock is not held");
    --self->locks_held;
    lock->owners = lock->owners > 0 ? lock->owners - 1 : 0;
    let_in_next(lock);
}

void qemu_co_rwlock_downgrade(CoRwlock* lock) {
    running_or_stop("weft: qemu_co_rwlock_downgrade: called outside a coroutine");
    qemu_co_mutex_lock(&lock->mutex);
    if (lock->owners != -1) port_panic("weft: qemu_co_rwlock_downgrade: the CoRwlock is not held for writing");
    lock->owners = 1;
    let_in_next(lock);
}

// The read hold becomes the write hold, so locks_held does not change.
void qemu_co_rwlock_upgrade(CoRwlock* lock) {
    Coroutine* self = running_or_stop("weft: qemu_co_rwlock_upgrade: called outside a coroutine");
    qemu_co_mutex_lock(&lock->mutex);
    if (lock->owners <= 0) port_panic("weft: qemu_co_rwlock_upgrade: the CoRwlock is not held for reading");
    if (lock->owners == 1 && lock->tickets.first == nullptr) {
        lock->owners = -1;
        qemu_co_mutex_unlock(&lock->mutex);
    } else {
        // Giving up the read hold may be exactly what the head of the line waits for.
        --lock->owners;
        wait_in_line(lock, self, false, true);
    }
}
