// Wait queues: coroutines block on one and are woken first-in first-out, one at a time or all at once.
#pragma once

#include "coroutine.h"

namespace weft {

// One waiter's place in a queue. It lives on the waiter's own stack while it waits.
struct WaitNode {
    WaitNode* next;
    Coroutine* co;
};

class WaitQueue {
public:
    constexpr WaitQueue() = default;
    WaitQueue(const WaitQueue&) = delete;
    WaitQueue& operator=(const WaitQueue&) = delete;

    // Blocks the calling coroutine until it is woken. Not from an interrupt handler or outside a coroutine.
    void wait();

    // Wakes the longest waiter; false when none waits. Safe from an interrupt handler.
    bool wake_one();

    // Wakes every waiter in arrival order and returns how many. Safe from an interrupt handler.
    unsigned wake_all();

    // True when nobody waits.
    bool empty() const { return head_ == nullptr; }

private:
    WaitNode* head_ = nullptr;
    WaitNode* tail_ = nullptr;
};

}  // namespace weft
