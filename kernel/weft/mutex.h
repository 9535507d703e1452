// Mutex: owned, handed straight to the longest waiter on unlock (FIFO, no barging).
#pragma once

#include "wait_queue.h"

namespace weft {

class Mutex {
public:
    constexpr Mutex() = default;
    Mutex(const Mutex&) = delete;
    Mutex& operator=(const Mutex&) = delete;

    // Takes the mutex, waiting up to `timeout`: ok, timeout, or deadlock when the caller already holds it.
    Status lock(Timeout timeout = forever);

    // Takes the mutex if free: ok, would_block, or deadlock when the caller already holds it.
    Status try_lock();

    // Releases it, handing it to the longest waiter if any: ok, or not_owner.
    Status unlock();

    // The holder, or nullptr.
    const Coroutine* owner() const { return owner_; }

private:
    Coroutine* owner_ = nullptr;
    WaitQueue waiters_;
};

static_assert(sizeof(void*) != 4 || sizeof(Mutex) <= 16, "a mutex is at most 16 bytes on a 32-bit target");

// Holds a mutex for a scope; check locked() when a timeout was given.
class LockGuard {
public:
    explicit LockGuard(Mutex& m, Timeout timeout = forever) : m_(m), status_(m.lock(timeout)) {}
    ~LockGuard() {
        if (locked()) (void)m_.unlock();
    }
    LockGuard(const LockGuard&) = delete;
    LockGuard& operator=(const LockGuard&) = delete;

    // True when the lock was taken.
    bool locked() const { return status_ == Status::ok; }
    // How lock() ended.
    Status status() const { return status_; }

private:
    Mutex& m_;
    Status status_;
};

}  // namespace weft
