// Bounded channel: a FIFO of N items of a trivially copyable T, stored inside the object.
// An item goes straight from sender to a waiting receiver, and from a waiting sender into the
// buffer, so a full or empty channel costs no extra copy.
#pragma once

#include <stddef.h>

#include "wait_queue.h"

namespace weft {

// The part of a channel that does not depend on T: one copy of the code for every item type.
class ChannelBase {
public:
    ChannelBase(const ChannelBase&) = delete;
    ChannelBase& operator=(const ChannelBase&) = delete;

    // Items in the channel now.
    size_t size() const { return count_; }
    // The most items it holds.
    size_t capacity() const { return capacity_; }

    // For wait_any: the queue receivers wait in.
    WaitQueue& receivers() { return receivers_; }
    // For wait_any: takes an item into `out` if one can be had now. Interrupts masked.
    bool take_now(void* out);

protected:
    constexpr ChannelBase(unsigned char* buffer, uint16_t item_size, uint16_t capacity)
        : buffer_(buffer), item_size_(item_size), capacity_(capacity) {}

    Status send(const void* item, Timeout timeout);
    Status try_send(const void* item);
    Status receive(void* out, Timeout timeout);
    Status try_receive(void* out);

private:
    bool put_now(const void* item);

    unsigned char* buffer_;
    uint16_t item_size_;
    uint16_t capacity_;
    uint16_t head_ = 0;
    uint16_t count_ = 0;
    WaitQueue senders_;    // a sender's node carries its item
    WaitQueue receivers_;  // a receiver's node carries where the item goes
};

template <class T, size_t N>
class Channel : public ChannelBase {
    static_assert(__is_trivially_copyable(T), "channel items are copied as bytes");
    static_assert(N >= 1 && N <= 0xFFFF && sizeof(T) <= 0xFFFF, "a channel holds 1 to 65535 items of up to 64 KiB");

public:
    constexpr Channel() : ChannelBase(storage_, sizeof(T), N) {}

    // Sends `item`, waiting up to `timeout` while the channel is full: ok or timeout.
    Status send(const T& item, Timeout timeout = forever) { return ChannelBase::send(&item, timeout); }

    // Sends `item` if there is room now: ok, or would_block when full (nothing is lost: the caller
    // keeps the item). Safe from an interrupt handler.
    Status try_send(const T& item) { return ChannelBase::try_send(&item); }

    // Receives into `out`, waiting up to `timeout` while the channel is empty: ok or timeout.
    Status receive(T& out, Timeout timeout = forever) { return ChannelBase::receive(&out, timeout); }

    // Receives into `out` if an item is there: ok or would_block. Safe from an interrupt handler.
    Status try_receive(T& out) { return ChannelBase::try_receive(&out); }

private:
    alignas(T) unsigned char storage_[sizeof(T) * N] = {};
};

}  // namespace weft
