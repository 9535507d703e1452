// Wait queues: FIFO lists of stack-resident nodes, so a coroutine costs a queue nothing until it waits.
#include "weft/wait_queue.h"

#include "core.h"

namespace weft {

using namespace core;

void WaitQueue::wait() {
    Coroutine* self = blocking_caller("WaitQueue::wait() called outside a coroutine or from an interrupt handler");
    WaitNode node{nullptr, self};
    port_irq_state s = port_irq_save();
    if (head_ == nullptr)
        head_ = &node;
    else
        tail_->next = &node;
    tail_ = &node;
    self->state = State::waiting;
    self->waiting_on = this;
    self->wait_kind = WaitKind::queue;
    ++k.blocked;
    port_irq_restore(s);
    block(self);
}

bool WaitQueue::wake_one() {
    port_irq_state s = port_irq_save();
    WaitNode* node = head_;
    if (node != nullptr) {
        head_ = node->next;
        wake(node->co);
    }
    port_irq_restore(s);
    return node != nullptr;
}

unsigned WaitQueue::wake_all() {
    unsigned n = 0;
    while (wake_one()) ++n;
    return n;
}

}  // namespace weft
