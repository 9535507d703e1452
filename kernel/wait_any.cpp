// wait_any: one waiter, one node per source.
#include "weft/wait_any.h"

#include "core.h"

namespace weft::core {

Result<unsigned> wait_any(const Source* sources, WaitNode* nodes, unsigned count, Timeout timeout) {
    Coroutine* self = blocking_caller("wait_any()");
    port_irq_state s = port_irq_save();
    for (unsigned i = 0; i < count; ++i) {
        if (sources[i].ready(sources[i].object, sources[i].data)) {
            port_irq_restore(s);
            return i;
        }
    }
    if (timeout.deadline != UINT64_MAX && timeout.deadline <= port_ticks()) {
        port_irq_restore(s);
        return Status::timeout;
    }
    Waiter w;
    w.deadline = timeout.deadline;
    w.co = self;
    w.nodes = nodes;
    w.count = static_cast<uint8_t>(count);
    w.fired = 0;
    w.status = Status::ok;
    w.kind = WaitKind::any;
    w.timer = true;
    w.object = nullptr;
    for (unsigned i = 0; i < count; ++i) {
        nodes[i].co = nullptr;
        nodes[i].waiter = &w;
        nodes[i].data = sources[i].data;
        nodes[i].index = static_cast<uint8_t>(i);
        sources[i].queue->push(&nodes[i]);
    }
    Status status = suspend(w, s);
    if (status != Status::ok) return status;
    return static_cast<unsigned>(w.fired);
}

}  // namespace weft::core
