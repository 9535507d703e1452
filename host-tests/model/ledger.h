// The ledger: safety properties checked from what calls returned alone, without the model's
// predictions, so that a model mistake cannot hide a kernel one: no two holders of a mutex, a
// writer alone, semaphore units conserved, every channel item received once and in its
// sender's order. It is also what each coroutine holds, for the runner's clean-up.
#pragma once

#include <map>
#include <vector>

#include "checks.h"
#include "program.h"
#include "weft/weft.h"

namespace weft::model {

struct World;

class Ledger {
public:
    Ledger(const Program& p, Checks& checks);

    void locked(int actor, unsigned m);
    void unlocked(int actor, unsigned m);
    bool holds(int actor, unsigned m) const { return mutex_[m] == actor; }
    void read_locked(int actor);
    void read_unlocked(int actor);
    void write_locked(int actor);
    void write_unlocked(int actor);
    int reads(int actor) const;
    bool writes(int actor) const { return writer_ == actor; }

    void given(unsigned s) { ++given_[s]; }
    void taken(unsigned s) { ++taken_[s]; }

    // An item is offered when a send starts, and sent once it returns ok (it may be received
    // in between: the kernel hands it straight to a waiting receiver).
    void offered(unsigned c, uint32_t item);
    void sent(unsigned c, uint32_t item, bool ok);
    void received(int receiver, unsigned c, uint32_t item);

    void finished(int actor);
    // At the end of a run, with the channels drained.
    void end(World& w);

private:
    enum class Item : uint8_t { offered, sent, received };

    Checks& checks_;
    const Program& program_;
    int mutex_[mutex_count];
    int writer_ = nobody;
    std::vector<int> reads_;  // per actor, main and the handlers never read
    uint64_t given_[semaphore_count] = {};
    uint64_t taken_[semaphore_count] = {};
    std::map<uint32_t, Item> items_[channel_count];
    // Per receiver and sender, the sequence number received last: a receiver takes its items one
    // after another, so each sender's must come in order. (Across receivers, returns come in no
    // particular order: an item handed to a waiting receiver is delivered before it runs.)
    std::map<std::pair<int, uint32_t>, uint32_t> last_[channel_count];
};

}  // namespace weft::model
