// Bounded channel.
#include "weft/channel.h"

#include <string.h>

#include "core.h"

namespace weft {

using namespace core;

// Hands `item` to the longest waiting receiver, or stores it: false when full. Interrupts masked.
bool ChannelBase::put_now(const void* item) {
    if (WaitNode* r = receivers_.front()) {
        memcpy(r->data, item, item_size_);
        wake_front(receivers_);
        return true;
    }
    if (count_ == capacity_) return false;
    size_t tail = (size_t{head_} + count_) % capacity_;
    memcpy(buffer_ + tail * item_size_, item, item_size_);
    ++count_;
    return true;
}

bool ChannelBase::take_now(void* out) {
    if (count_ == 0) return false;
    memcpy(out, buffer_ + size_t{head_} * item_size_, item_size_);
    head_ = static_cast<uint16_t>(head_ + 1 == capacity_ ? 0 : head_ + 1);
    --count_;
    // The room just made goes to the longest waiting sender, whose wait is then over.
    if (WaitNode* w = senders_.front()) {
        put_now(w->data);
        wake_front(senders_);
    }
    return true;
}

Status ChannelBase::send(const void* item, Timeout timeout) {
    blocking_caller("Channel::send()");
    port_irq_state s = port_irq_save();
    if (put_now(item)) {
        port_irq_restore(s);
        return Status::ok;
    }
    return wait_on(senders_, const_cast<void*>(item), timeout, s, WaitKind::channel_send, this);
}

Status ChannelBase::try_send(const void* item) {
    port_irq_state s = port_irq_save();
    bool sent = put_now(item);
    port_irq_restore(s);
    return sent ? Status::ok : Status::would_block;
}

Status ChannelBase::receive(void* out, Timeout timeout) {
    blocking_caller("Channel::receive()");
    port_irq_state s = port_irq_save();
    if (take_now(out)) {
        port_irq_restore(s);
        return Status::ok;
    }
    return wait_on(receivers_, out, timeout, s, WaitKind::channel_receive, this);
}

Status ChannelBase::try_receive(void* out) {
    port_irq_state s = port_irq_save();
    bool got = take_now(out);
    port_irq_restore(s);
    return got ? Status::ok : Status::would_block;
}

}  // namespace weft
