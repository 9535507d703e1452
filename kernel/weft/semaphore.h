// Counting semaphore. give() never blocks and is safe from an interrupt handler.
#pragma once

#include "wait_queue.h"

namespace weft {

class Semaphore {
public:
    constexpr Semaphore() = default;
    constexpr explicit Semaphore(uint32_t initial) : count_(initial) {}
    Semaphore(const Semaphore&) = delete;
    Semaphore& operator=(const Semaphore&) = delete;

    // Takes one unit, waiting for as long as it takes: ok.
    Status take();

    // Takes one unit, waiting up to `timeout`: ok or timeout.
    Status take(Timeout timeout);

    // Takes one unit if there is one: ok or would_block. Safe from an interrupt handler.
    Status try_take();

    // Adds one unit, handing it straight to the longest waiter if any: ok, or exhausted at the
    // counter's limit (nothing changes). Safe from an interrupt handler.
    Status give();

    // Units available now.
    uint32_t count() const { return count_; }

    // For wait_any: the queue takers wait in.
    WaitQueue& waiters() { return waiters_; }

private:
    uint32_t count_ = 0;
    WaitQueue waiters_;
};

static_assert(sizeof(void*) != 4 || sizeof(Semaphore) <= 12, "a semaphore is at most 12 bytes on a 32-bit target");

}  // namespace weft
