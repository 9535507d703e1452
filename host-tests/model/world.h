// The kernel objects one program runs on, fresh for each run, and the test's pools, which are
// static (as pools are) and must be back to zero used between runs.
#pragma once

#include "program.h"
#include "weft/weft.h"

namespace weft::model {

Pool& pool(unsigned i);
// The name script `i` is spawned with when named.
const char* script_name(unsigned i);

struct World {
    explicit World(const Program& p)
        : semaphore{Semaphore(p.initial[0]), Semaphore(p.initial[1])}, event{Event(false), Event(true)} {}

    Mutex mutex[mutex_count];
    Semaphore semaphore[semaphore_count];
    Event event[event_count];
    RwLock rwlock;
    Channel<uint32_t, channel_capacity[0]> channel0;
    Channel<uint32_t, channel_capacity[1]> channel1;
    WaitQueue queue;

    ChannelBase& channel(unsigned c) { return c == 0 ? static_cast<ChannelBase&>(channel0) : channel1; }
    Status send(unsigned c, uint32_t item, Timeout t) {
        return c == 0 ? channel0.send(item, t) : channel1.send(item, t);
    }
    Status send(unsigned c, uint32_t item) { return c == 0 ? channel0.send(item) : channel1.send(item); }
    Status try_send(unsigned c, uint32_t item) {
        return c == 0 ? channel0.try_send(item) : channel1.try_send(item);
    }
    Status receive(unsigned c, uint32_t& out, Timeout t) {
        return c == 0 ? channel0.receive(out, t) : channel1.receive(out, t);
    }
    Status receive(unsigned c, uint32_t& out) {
        return c == 0 ? channel0.receive(out) : channel1.receive(out);
    }
    Status try_receive(unsigned c, uint32_t& out) {
        return c == 0 ? channel0.try_receive(out) : channel1.try_receive(out);
    }

    // wait_any source number `n` (program.h), receiving into `out` when a channel.
    Source source(unsigned n, uint32_t& out) {
        if (n < 2) return on(event[n]);
        if (n < 4) return on(semaphore[n - 2]);
        return n == 4 ? on(channel0, out) : on(channel1, out);
    }
};

}  // namespace weft::model
