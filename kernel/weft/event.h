// Event flag: set, clear, wait. Manual reset wakes every waiter and stays set; auto-reset wakes
// one waiter, or stays set for the next one, and each successful wait clears it.
#pragma once

#include "wait_queue.h"

namespace weft {

class Event {
public:
    constexpr Event() = default;
    constexpr explicit Event(bool auto_reset) : auto_reset_(auto_reset) {}
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;

    // Sets the flag and wakes as described above. Safe from an interrupt handler.
    void set();

    // Clears the flag. Safe from an interrupt handler.
    void clear();

    // True while set.
    bool is_set() const { return set_; }

    // Waits until set, up to `timeout`: ok or timeout. An auto-reset event is cleared by the wait.
    Status wait(Timeout timeout = forever);

    // ok if set (clearing an auto-reset event), else would_block. Safe from an interrupt handler.
    Status try_wait();

    // For wait_any: the queue waiters wait in.
    WaitQueue& waiters() { return waiters_; }

private:
    WaitQueue waiters_;
    bool set_ = false;
    bool auto_reset_ = false;
};

}  // namespace weft
