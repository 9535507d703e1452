// Wait queues: coroutines block on one and are woken first-in first-out, one at a time or all at
// once. Every synchronisation object is built on them.
#pragma once

#include "coroutine.h"
#include "time.h"
#include "timer.h"

namespace weft {

class WaitQueue;
struct WaitNode;

// One blocked call of one coroutine: its timeout, the nodes it is linked by, and, once over, how
// it ended. On the waiting coroutine's stack.
struct Waiter : Timer {
    Coroutine* co;
    WaitNode* nodes;
    uint8_t count;
    int8_t fired;        // which node completed the wait; -1 for the timeout
    WaitKind kind;
    bool timer;          // the Timer part is set (pending or not); false where it is left unset
    Status status;
    const void* object;  // what it waits on, for introspection
};

// One waiter's place in one queue. It lives on the waiter's own stack while it waits, so a
// coroutine can wait on several queues at once (wait_any) at no cost to its control block.
// A node is plain when it is the only node of a wait without a timeout: a waker need only unlink
// it and make its coroutine ready, and its wait ends only with ok. The plain node of
// Semaphore::take() (core::wait_plain) sets only next, prev and co: it leaves its queue only from
// the front, by a waker that reads nothing else.
struct WaitNode {
    WaitNode* next;
    WaitNode* prev;
    Coroutine* co;     // a plain node's coroutine, which also marks it plain; nullptr on any other
    Waiter* waiter;    // not set on Semaphore::take()'s plain node
    WaitQueue* queue;  // the queue it is linked in; nullptr once taken out
    void* data;        // what the operation carries: an item to send, a place to receive into
    uint8_t index;     // which of a wait_any's sources this is
};
class WaitQueue {
public:
    constexpr WaitQueue() = default;
    WaitQueue(const WaitQueue&) = delete;
    WaitQueue& operator=(const WaitQueue&) = delete;

    // Blocks the calling coroutine until woken (Status::ok) or `timeout` (Status::timeout).
    // Not from an interrupt handler or outside a coroutine.
    Status wait(Timeout timeout = forever);

    // Wakes the longest waiter; false when none waits. Safe from an interrupt handler.
    bool wake_one();

    // Wakes every waiter in arrival order and returns how many. Safe from an interrupt handler.
    unsigned wake_all();

    // True when nobody waits.
    bool empty() const { return head_ == nullptr; }

    // For the kernel's objects, with interrupts masked: the longest waiter, and linking.
    WaitNode* front() const { return head_; }
    void push(WaitNode* node) {
        node->queue = this;
        link(node);
    }
    // push() for a plain node, which is never removed but from the front and so needs no queue.
    void link(WaitNode* node) {
        node->next = nullptr;
        node->prev = tail_;
        (tail_ == nullptr ? head_ : tail_->next) = node;
        tail_ = node;
    }
    WaitNode* pop_front() {
        WaitNode* node = head_;
        head_ = node->next;
        (head_ == nullptr ? tail_ : head_->prev) = nullptr;
        return node;
    }
    void remove(WaitNode* node) {
        (node->prev == nullptr ? head_ : node->prev->next) = node->next;
        (node->next == nullptr ? tail_ : node->next->prev) = node->prev;
        node->queue = nullptr;
    }

private:
    WaitNode* head_ = nullptr;
    WaitNode* tail_ = nullptr;
};

}  // namespace weft
