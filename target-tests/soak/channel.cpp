// Two producers send numbered items over one small channel, each by a different kind of send, and
// a consumer receives them, now plainly, now by wait_any beside an event and a semaphore: every
// item arrives once, in its sender's order, and what was sent is what was received.
#include "soak.h"

using namespace weft;

namespace soak {
namespace {

Channel<uint32_t, 4> channel;
constexpr unsigned producer_count = 2;
// An item: its producer in the top bits, its number below.
constexpr unsigned id_shift = 28;
constexpr uint32_t number_mask = (1u << id_shift) - 1;

uint32_t sent[producer_count];
uint32_t received[producer_count];
bool finished[producer_count];

}  // namespace

void producer(void* arg) {
    const auto id = static_cast<unsigned>(reinterpret_cast<uintptr_t>(arg));
    Rng rng(0x1000 + id);
    while (!stopping) {
        const uint32_t item = (id << id_shift) | (sent[id] & number_mask);
        Status s;
        switch (rng.below(4)) {
        case 0:
            s = channel.send(item);
            check(s == Status::ok, "a send without a deadline did not end ok");
            break;
        case 1:
            s = channel.try_send(item);
            check(s == Status::ok || s == Status::would_block, "try_send: neither ok nor would_block");
            if (s != Status::ok) yield();  // the item is kept and sent next time round
            break;
        case 2: {
            const Tick deadline = Timeout::after(micros(10 + rng.below(200)));
            s = channel.send(item, until(deadline));
            timed(s, deadline);
            break;
        }
        default:
            sleep_for(micros(1 + rng.below(50)));
            ++figures.sleeps;
            s = Status::would_block;
            break;
        }
        note();
        if (s == Status::ok) ++sent[id];
    }
    finished[id] = true;
}

void consumer(void*) {
    Rng rng(0x2000);
    uint32_t item = 0;
    // Until both producers are done and the channel is drained: a producer still blocked in send
    // needs the consumer to make room.
    for (;;) {
        Status s;
        switch (rng.below(3)) {
        case 0: {
            const Tick deadline = Timeout::after(micros(10 + rng.below(300)));
            s = channel.receive(item, until(deadline));
            timed(s, deadline);
            break;
        }
        case 1: {
            const Tick deadline = Timeout::after(micros(10 + rng.below(300)));
            Result<unsigned> r = wait_any(until(deadline), on(channel, item), on(ticker), on(pings));
            timed(r.status(), deadline);
            s = r.ok() && *r == 0 ? Status::ok : Status::would_block;
            if (r.ok() && *r == 2) ++pings_taken;
            check(!r.ok() || *r <= 2, "wait_any named a source it was not given");
            break;
        }
        default:
            s = channel.try_receive(item);
            check(s == Status::ok || s == Status::would_block, "try_receive: neither ok nor would_block");
            if (s != Status::ok) yield();
            break;
        }
        note();
        if (s == Status::ok) {
            const unsigned id = item >> id_shift;
            if (check(id < producer_count, "an item from no producer") &&
                check((item & number_mask) == (received[id] & number_mask), "an item out of its sender's order"))
                ++received[id];
            ++figures.items;
        } else if (finished[0] && finished[1] && channel.size() == 0) {
            break;
        }
    }
}

void channel_end() {
    for (unsigned id = 0; id < producer_count; ++id) {
        check(finished[id], "a producer did not finish");
        check(sent[id] == received[id], "items sent and received differ");
        check(sent[id] > 0, "a producer sent nothing");
    }
    check(channel.size() == 0, "items left in the channel");
}

}  // namespace soak
