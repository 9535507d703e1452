/* QEMU's coroutine API (qemu/coroutine.h) on top of Weft: CoMutex, CoQueue and CoRwlock besides the
 * core calls. All of it is for one thread: the kernel is single-core and cooperative. */
#ifndef QEMU_COROUTINE_H
#define QEMU_COROUTINE_H

#include <assert.h>

#include "qemu/coroutine-core.h"
#include "qemu/lockable.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A first-in first-out list of coroutines, linked through Coroutine.co_queue_next. */
typedef struct WeftCoroutineFifo {
    Coroutine *first;
    Coroutine *last;
} WeftCoroutineFifo;

/* Coroutines waiting for an event, in the order they will be woken. */
typedef struct CoQueue {
    WeftCoroutineFifo entries;
} CoQueue;

/* One thread needs none of QEMU's lock-free hand-off machinery: a count and a line suffice. */
struct CoMutex {
    unsigned locked;        /* the holder plus its waiters; 0 when free */
    Coroutine *holder;
    CoQueue waiters;
    QemuLockable lockable;  /* what QEMU_MAKE_LOCKABLE returns for this mutex */
};

/* Checks that the calling coroutine holds mutex. */
static inline coroutine_fn void qemu_co_mutex_assert_locked(CoMutex *mutex)
{
    assert(mutex->locked && mutex->holder == qemu_coroutine_self());
}

/* Makes queue empty. A zero-filled CoQueue is already initialised. */
void qemu_co_queue_init(CoQueue *queue);

typedef enum {
    CO_QUEUE_WAIT_FRONT = 0x1, /* go to the head of the line, as when re-queued after a wake-up */
} CoQueueWaitFlags;

/* Joins queue and yields until woken, with lock (a lockable or NULL) released meanwhile. */
#define qemu_co_queue_wait(queue, lock) \
    qemu_co_queue_wait_impl(queue, QEMU_MAKE_LOCKABLE(lock), (CoQueueWaitFlags)0)
#define qemu_co_queue_wait_flags(queue, lock, flags) \
    qemu_co_queue_wait_impl(queue, QEMU_MAKE_LOCKABLE(lock), (CoQueueWaitFlags)(flags))

/* What qemu_co_queue_wait and qemu_co_queue_wait_flags expand to; call it inside a coroutine. */
void coroutine_fn qemu_co_queue_wait_impl(CoQueue *queue, QemuLockable *lock, CoQueueWaitFlags flags);

/* Wakes the longest waiter (it runs once the caller yields, or at once outside a coroutine);
 * false when none waits. */
bool qemu_co_queue_next(CoQueue *queue);

/* Wakes every waiter, in the order they queued. */
void qemu_co_queue_restart_all(CoQueue *queue);

/* Wakes the longest waiter with lock released around the wake-up; false when none waits. */
#define qemu_co_enter_next(queue, lock) qemu_co_enter_next_impl(queue, QEMU_MAKE_LOCKABLE(lock))
bool qemu_co_enter_next_impl(CoQueue *queue, QemuLockable *lock);

/* Wakes every waiter, one at a time, as qemu_co_enter_next. */
#define qemu_co_enter_all(queue, lock) qemu_co_enter_all_impl(queue, QEMU_MAKE_LOCKABLE(lock))
void qemu_co_enter_all_impl(CoQueue *queue, QemuLockable *lock);

/* True when nobody waits on queue. */
bool qemu_co_queue_empty(CoQueue *queue);

/* A reader-writer lock whose waiters form one line in arrival order, so writers never starve. */
typedef struct CoRwTicket CoRwTicket;
typedef struct CoRwlock {
    CoMutex mutex;  /* guards the two fields below */
    int owners;     /* readers holding the lock, or -1 for a writer */
    struct {
        CoRwTicket *first;
        CoRwTicket *last;
    } tickets;
} CoRwlock;

/* Makes lock free, with nobody waiting. */
void qemu_co_rwlock_init(CoRwlock *lock);

/* Takes lock for reading; waits while a writer holds it or anyone waits in line. */
void coroutine_fn qemu_co_rwlock_rdlock(CoRwlock *lock);

/* Turns the caller's read hold into a write hold: at once when it is the only reader and nobody
 * waits, otherwise it lets go and waits in line as a writer (another writer may go first). */
void coroutine_fn qemu_co_rwlock_upgrade(CoRwlock *lock);

/* Turns the caller's write hold into a read hold without waiting, letting in readers next in line. */
void coroutine_fn qemu_co_rwlock_downgrade(CoRwlock *lock);

/* Takes lock for writing; waits while anyone holds it. */
void coroutine_fn qemu_co_rwlock_wrlock(CoRwlock *lock);

/* Releases the caller's hold and lets in whoever is next in line, if they now fit. */
void coroutine_fn qemu_co_rwlock_unlock(CoRwlock *lock);

#ifdef __cplusplus
}
#endif

#endif
