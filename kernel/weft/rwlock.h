// Readers-writer lock with the semantics of QEMU's CoRwlock: one FIFO of waiters, so a reader that
// arrives while a writer waits queues behind it (no writer starvation); upgrade and downgrade.
#pragma once

#include "coroutine.h"
#include "wait_queue.h"

namespace weft {

class RwLock;
namespace core {
void rwlock_waiter_gave_up(RwLock* lock);
}

class RwLock {
public:
    constexpr RwLock() = default;
    RwLock(const RwLock&) = delete;
    RwLock& operator=(const RwLock&) = delete;

    // Takes a read lock, waiting up to `timeout` while a writer holds or waits: ok or timeout.
    Status read_lock(Timeout timeout = forever);
    // Takes a read lock if no writer holds or waits: ok or would_block.
    Status try_read_lock();

    // Takes the write lock, waiting up to `timeout`: ok or timeout.
    Status write_lock(Timeout timeout = forever);
    // Takes the write lock if nobody holds or waits: ok or would_block.
    Status try_write_lock();

    // Releases the caller's read or write lock and lets the next waiters in: ok, or not_owner when
    // unlocked or when another coroutine holds the write lock.
    Status unlock();

    // Turns the caller's read lock into the write lock. At once when it is the only reader and nobody
    // waits; otherwise it gives up its read lock and queues as a writer, and on timeout holds nothing.
    // Stops (misuse) when no read lock is held or the caller holds the write lock; readers are only
    // counted, so a coroutine holding none while others read is not caught.
    Status upgrade(Timeout timeout = forever);
    // Upgrades only if that can happen at once: ok, or would_block with the read lock still held.
    // Misuse as for upgrade().
    Status try_upgrade();

    // Turns the caller's write lock into a read lock and lets queued readers in. Stops (misuse)
    // unless the caller holds the write lock.
    void downgrade();

    // Readers holding the lock now (0 when a writer holds it).
    int32_t readers() const { return owners_ > 0 ? owners_ : 0; }
    // True while a writer holds the lock.
    bool write_locked() const { return owners_ < 0; }

private:
    // A writer that gives up at the front may leave readers behind it free to enter.
    friend void core::rwlock_waiter_gave_up(RwLock* lock);
    void let_in();

    int32_t owners_ = 0;          // readers holding the lock, or -1 for a writer
    Coroutine* writer_ = nullptr;  // the writer holding it; readers are only counted
    WaitQueue waiters_;           // a writer's node carries a non-null data
};

}  // namespace weft
