// Wait queues: FIFO lists of stack-resident nodes.
#include "weft/wait_queue.h"

#include "core.h"

namespace weft {

using namespace core;

Status WaitQueue::wait(Timeout timeout) {
    blocking_caller("WaitQueue::wait()");
    return wait_on(*this, nullptr, timeout, port_irq_save(), WaitKind::queue, this);
}

bool WaitQueue::wake_one() {
    port_irq_state s = port_irq_save();
    bool any = head_ != nullptr;
    if (any) wake_front(*this);
    port_irq_restore(s);
    return any;
}

unsigned WaitQueue::wake_all() {
    unsigned n = 0;
    while (wake_one()) ++n;
    return n;
}

}  // namespace weft
