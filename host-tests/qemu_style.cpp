/*
 * Code written the way QEMU's is, to show that it builds against Weft with nothing changed but the
 * include path: QEMU's includes, coroutine_fn, CoMutex, CoQueue, QEMU_MAKE_LOCKABLE. It is also
 * valid C. qemu_compat_test.cpp runs it.
 */
#include "qemu/osdep.h"
#include "qemu/coroutine.h"

typedef struct Channel {
    CoMutex lock;
    CoQueue not_empty;
    int slot;
    bool full;
    char *log;
    size_t log_size;
} Channel;

static void note(Channel *ch, const char *what)
{
    size_t used = strlen(ch->log);
    snprintf(ch->log + used, ch->log_size - used, "%s;", what);
}

static void coroutine_fn consumer(void *opaque)
{
    Channel *ch = (Channel *)opaque;
    char line[32];

    qemu_co_mutex_lock(&ch->lock);
    while (!ch->full) {
        note(ch, "wait");
        qemu_co_queue_wait(&ch->not_empty, &ch->lock);
    }
    snprintf(line, sizeof(line), "got %d", ch->slot);
    note(ch, line);
    ch->full = false;
    qemu_co_mutex_unlock(&ch->lock);
}

static void coroutine_fn producer(void *opaque)
{
    Channel *ch = (Channel *)opaque;
    QemuLockable *lock = QEMU_MAKE_LOCKABLE(&ch->lock);

    qemu_lockable_lock(lock);
    ch->slot = 42;
    ch->full = true;
    note(ch, "put");
    qemu_co_queue_next(&ch->not_empty);
    qemu_lockable_unlock(lock);
    note(ch, "producer done");
}

/* Runs a consumer that waits, then a producer that wakes it; returns how many coroutines ran. */
int qemu_style_demo(char *log, size_t log_size)
{
    Channel ch;
    Coroutine *co;
    int ran = 0;

    memset(&ch, 0, sizeof(ch));
    qemu_co_mutex_init(&ch.lock);
    qemu_co_queue_init(&ch.not_empty);
    ch.log = log;
    ch.log_size = log_size;
    log[0] = '\0';

    co = qemu_coroutine_create(consumer, &ch);
    qemu_coroutine_enter(co);
    ran++;
    assert(!qemu_in_coroutine());

    co = qemu_coroutine_create(producer, &ch);
    qemu_coroutine_enter(co);
    ran++;
    return qemu_co_queue_empty(&ch.not_empty) && !ch.full ? ran : -1;
}
