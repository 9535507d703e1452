/* QEMU's coroutine internals (qemu/coroutine_int.h): the complete Coroutine, with QEMU's field
 * names. Each one sits beside the Weft control block of the same slot in the pool, which holds the
 * stack and context; the fields here are what QEMU keeps on top of a bare context switch. */
#ifndef QEMU_COROUTINE_INT_H
#define QEMU_COROUTINE_INT_H

#include <stddef.h>

#include "qemu/coroutine.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct AioContext AioContext;

/* Why a switch came back: QEMU's backends return it; the Weft layer works it out after enter. */
typedef enum {
    COROUTINE_YIELD = 1,
    COROUTINE_TERMINATE = 2,
    COROUTINE_ENTER = 3,
} CoroutineAction;

struct Coroutine {
    CoroutineEntry *entry;
    void *entry_arg;
    Coroutine *caller;         /* who entered it, until it yields or ends: qemu_coroutine_entered */
    Coroutine *pool_next;      /* unused: the Weft pool keeps its own free list */
    size_t locks_held;         /* CoMutex and CoRwlock holds; must be 0 when the entry returns */
    WeftCoroutineFifo co_queue_wakeup; /* woken by this coroutine; they run when it yields or ends */
    AioContext *ctx;           /* always NULL: there is no AioContext */
    const char *scheduled;     /* always NULL: nothing schedules coroutines across contexts */
    Coroutine *co_queue_next;  /* link in a CoQueue, a CoMutex's line or a wake-up list */
    Coroutine *co_scheduled_next; /* unused, as scheduled */
};

#ifdef __cplusplus
}
#endif

#endif
