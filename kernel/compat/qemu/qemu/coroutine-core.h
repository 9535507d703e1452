/* QEMU's core coroutine API (qemu/coroutine-core.h) on top of Weft: create, enter, yield, CoMutex.
 * Every coroutine comes from the static Weft pool 'qemu_coroutines' (see weft_qemu.h). */
#ifndef QEMU_COROUTINE_CORE_H
#define QEMU_COROUTINE_CORE_H

#include <stdbool.h>
#include <stddef.h>

/* Marks code that runs only inside a coroutine (coroutine_fn) or either way (coroutine_mixed_fn).
 * They document, as in QEMU, and carry the annotation QEMU gives clang-based checkers. */
#if defined(__clang__)
#define WEFT_QEMU_ANNOTATE(what) __attribute__((__annotate__(what)))
#else
#define WEFT_QEMU_ANNOTATE(what)
#endif
#ifndef coroutine_fn
#define coroutine_fn WEFT_QEMU_ANNOTATE("coroutine_fn")
#endif
#ifndef coroutine_mixed_fn
#define coroutine_mixed_fn WEFT_QEMU_ANNOTATE("coroutine_mixed_fn")
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct Coroutine Coroutine;
typedef struct CoMutex CoMutex;

/* A coroutine's body, given the opaque pointer; when it returns, the coroutine is gone. */
typedef void coroutine_fn CoroutineEntry(void *opaque);

/* Takes a coroutine from the pool to run entry(opaque) once entered; a full pool stops the system. */
Coroutine *qemu_coroutine_create(CoroutineEntry *entry, void *opaque);

/* Runs co until it yields or ends, then each coroutine it woke (depth first), then returns. */
void qemu_coroutine_enter(Coroutine *co);

/* qemu_coroutine_enter(co), unless co is running or waits in the caller chain. */
void qemu_coroutine_enter_if_inactive(Coroutine *co);

/* Returns to whoever entered the calling coroutine; comes back when it is entered again. */
void coroutine_fn qemu_coroutine_yield(void);

/* The running coroutine; outside any, the leader: a stand-in for the thread, never entered. */
Coroutine *qemu_coroutine_self(void);

/* True inside a coroutine made by qemu_coroutine_create. */
bool qemu_in_coroutine(void);

/* True while co runs, or waits in the caller chain for a coroutine it entered. */
bool qemu_coroutine_entered(Coroutine *co);

/* Makes mutex free, with no waiters. A zero-filled CoMutex is already initialised. */
void qemu_co_mutex_init(CoMutex *mutex);

/* Takes mutex, first waiting in line (yielding) while another coroutine holds it. */
void coroutine_fn qemu_co_mutex_lock(CoMutex *mutex);

/* Frees mutex, handing it to the longest waiter, which runs once the caller yields or ends. */
void coroutine_fn qemu_co_mutex_unlock(CoMutex *mutex);

#ifdef __cplusplus
}
#endif

#endif
