// wait_any: blocks on several events, semaphores and channels at once, with a timeout, and says
// which one fired. Each source completes exactly as its own wait would (an auto-reset event is
// cleared, a semaphore unit taken, a channel item received), and only the one that fired does.
#pragma once

#include "channel.h"
#include "event.h"
#include "semaphore.h"

namespace weft {

// One thing wait_any can wait for. Make one with on().
struct Source {
    WaitQueue* queue;
    void* data;
    bool (*ready)(void* object, void* data);  // completes at once if it can; interrupts masked
    void* object;
};

// Fires when `e` is set.
inline Source on(Event& e) {
    return {&e.waiters(), nullptr, [](void* o, void*) { return static_cast<Event*>(o)->try_wait() == Status::ok; }, &e};
}

// Fires when a unit of `s` can be taken, and takes it.
inline Source on(Semaphore& s) {
    return {&s.waiters(), nullptr, [](void* o, void*) { return static_cast<Semaphore*>(o)->try_take() == Status::ok; },
            &s};
}

// Fires when `c` has an item, and receives it into `out`.
template <class T, size_t N>
Source on(Channel<T, N>& c, T& out) {
    return {&c.receivers(), &out, [](void* o, void* d) { return static_cast<ChannelBase*>(o)->take_now(d); },
            static_cast<ChannelBase*>(&c)};
}

namespace core {
Result<unsigned> wait_any(const Source* sources, WaitNode* nodes, unsigned count, Timeout timeout);
}

// Waits until one of `sources` fires, up to `timeout`; the index of the first that did (in the
// order given, when several are ready at once), or Status::timeout.
template <class... Sources>
Result<unsigned> wait_any(Timeout timeout, Sources... sources) {
    static_assert(sizeof...(Sources) >= 1 && sizeof...(Sources) <= 16, "wait_any takes 1 to 16 sources");
    const Source list[] = {sources...};
    WaitNode nodes[sizeof...(Sources)];
    return core::wait_any(list, nodes, sizeof...(Sources), timeout);
}

}  // namespace weft
