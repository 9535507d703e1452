/* QEMU's polymorphic locks (qemu/lockable.h): one QemuLockable handle for whatever lock a caller
 * passes, so that qemu_co_queue_wait can drop and retake it. Weft has one lock type, CoMutex. */
#ifndef QEMU_LOCKABLE_H
#define QEMU_LOCKABLE_H

#include <assert.h>

#include "qemu/coroutine-core.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void QemuLockUnlockFunc(void *);

typedef struct QemuLockable {
    void *object;
    QemuLockUnlockFunc *lock;
    QemuLockUnlockFunc *unlock;
} QemuLockable;

/* mutex's handle, stored inside the mutex so that it lives as long as the mutex; NULL for NULL. */
QemuLockable *qemu_co_mutex_lockable(CoMutex *mutex);

/* Takes the lock behind x. */
static inline void qemu_lockable_lock(QemuLockable *x) { x->lock(x->object); }

/* Releases the lock behind x. */
static inline void qemu_lockable_unlock(QemuLockable *x) { x->unlock(x->object); }

#ifdef __cplusplus
}

/* C++ has no _Generic: overloads pick the same cases. The CoMutex case is a template so that a bare
 * NULL, 0 or nullptr is not ambiguous: it can only match QemuLockable * and yields NULL. */
#include <type_traits>

/* x itself (NULL included). */
inline QemuLockable *qemu_make_lockable(QemuLockable *x) { return x; }

/* The handle of the CoMutex x, or NULL when x is NULL. */
template <class T>
    requires std::is_same_v<T, CoMutex>
inline QemuLockable *qemu_make_lockable(T *x) { return qemu_co_mutex_lockable(x); }

#define QEMU_MAKE_LOCKABLE(x) qemu_make_lockable(x)
#else
/* QEMU accepts a void * only as NULL: no lock. */
static inline QemuLockable *qemu_null_lockable(void *x)
{
    assert(x == NULL);
    return NULL;
}

#define QEMU_MAKE_LOCKABLE(x)                                   \
    _Generic((x), QemuLockable *: (QemuLockable *)(x),          \
             void *: qemu_null_lockable(x),                     \
             CoMutex *: qemu_co_mutex_lockable((CoMutex *)(x)))
#endif

/* As QEMU_MAKE_LOCKABLE; QEMU keeps it for callers that never pass NULL. */
#define QEMU_MAKE_LOCKABLE_NONNULL(x) QEMU_MAKE_LOCKABLE(x)

#endif
