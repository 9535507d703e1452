// The reference model: what docs/api.md says each call does, kept as a small copy of every
// object's state and of every wait queue. Before a call the model predicts it (completes at once,
// gives up at once, or waits in which queues); a call that ends another's wait (an unlock, a give,
// a set, a send...) completes the longest live waiter in the model, as the kernel must; a timed
// wait whose deadline has come ends with a timeout. After the call the runner hands back what the
// kernel returned and the model checks it.
//
// Timers fire inside the kernel, where the model has no hook, so the model ends timed-out waits
// lazily, before each event, by comparing deadlines with the clock: a coroutine runs only once
// every timer due by now has fired; an interrupt handler started by the clock reaching its tick
// runs before the timer of that same tick (the timer has the lowest priority, design.md).
#pragma once

#include <deque>
#include <vector>

#include "checks.h"
#include "program.h"
#include "weft/weft.h"

namespace weft::model {

// Every wait queue the kernel keeps for the program's objects.
enum Queue : unsigned {
    q_mutex0,
    q_mutex1,
    q_semaphore0,
    q_semaphore1,
    q_event0,
    q_event1,
    q_rwlock,
    q_send0,
    q_send1,
    q_receive0,
    q_receive1,
    q_queue,
    queue_count,
};

// What a call that may wait waits for.
enum class Kind : uint8_t { none, lock, take, wait, read, write, upgrade, send, receive, queue, any, sleep };

inline constexpr Tick forever_tick = UINT64_MAX;

// One call of one coroutine that may wait, from its prediction to its return.
struct Wait {
    Kind kind = Kind::none;
    unsigned object = 0;
    Tick deadline = forever_tick;
    uint64_t order = 0;      // when it started waiting: equal deadlines fire in this order
    bool pending = false;    // waiting, in the model
    bool immediate = false;  // completed or gave up without waiting
    Status status = Status::ok;
    uint32_t item = 0;     // received
    int fired = -1;        // wait_any: the source that fired
    uint32_t offered = 0;  // a sender's item
    uint8_t sources[max_sources] = {};
    uint8_t source_count = 0;
};

enum class Life : uint8_t { unborn, refused, alive, finished };

struct Actor {
    Life life = Life::unborn;
    bool started = false;
    const Coroutine* co = nullptr;
    Wait wait;
};

// What the programs did, for the summary line: waits that were woken or timed out, calls that
// completed or gave up at once, try_ calls that would have blocked, ...
struct Stats {
    uint64_t programs = 0, steps = 0, waits = 0, woken = 0, timed_out = 0, immediate = 0, gave_up = 0;
    uint64_t would_block = 0, spawns = 0, exhausted = 0, reused = 0, deadlocks = 0, interrupts = 0;
    uint64_t clock_ties = 0;
    void add(const Stats& o);
};

class Model {
public:
    Model(const Program& p, Checks& checks);

    // A call that may wait, about to be made by `actor`; `deadline` is forever_tick for none.
    void call(int actor, Kind kind, unsigned object, Tick deadline, uint32_t offered = 0,
              const uint8_t* sources = nullptr, unsigned count = 0);
    // True when the call just predicted completes (or gives up) without waiting.
    bool immediate(int actor) const { return actors_[actor].wait.immediate; }
    // The call returned: checks its status, item and fired source against the prediction.
    void returned(int actor, Status got, uint32_t item = 0, int fired = -1);

    // Calls that never wait: each applies its documented effect and returns the status it must.
    Status attempt(int actor, Kind kind, unsigned object, uint32_t offered = 0, uint32_t* item = nullptr);
    Status unlock(int actor, unsigned m);
    Status give(unsigned s);
    void set(unsigned e);
    void clear(unsigned e);
    Status rw_unlock(int actor);
    void downgrade(int actor);
    bool wake_one();
    unsigned wake_all();

    // Pools and coroutines.
    void spawned(unsigned child, Result<Coroutine*> got);
    void started(int actor);
    void finished(int actor);
    unsigned alive(unsigned pool) const { return alive_[pool]; }

    // Interrupts: `line` is being raised at once (or none: -1); one is due at `tick`; one fired.
    void raising(int line) { raising_ = line; }
    bool can_schedule() const { return due_.size() < 16; }
    void scheduled(unsigned line, Tick tick);
    void fired(unsigned line, bool by_clock);
    void handled() { by_clock_ = false; }
    // A tick some pending wait or interrupt is due at, for When::tie (now + fallback when none).
    Tick tie(unsigned pick, Tick fallback) const;

    // run() returned `got`: ok exactly when every coroutine ended.
    void run_returned(Status got);

    // What the model holds, for the runner's comparisons with what the kernel shows.
    void sync();
    int owner(unsigned m) const { return owner_[m]; }
    uint32_t count(unsigned s) const { return count_[s]; }
    bool is_set(unsigned e) const { return set_[e]; }
    int readers() const { return readers_; }
    int writer() const { return writer_; }
    size_t size(unsigned c) const { return items_[c].size(); }
    // The longest waiter in `q`, or nobody.
    int front(Queue q) const { return queue_[q].empty() ? nobody : queue_[q].front().actor; }
    const Actor& actor(int a) const { return actors_[a]; }
    size_t actors() const { return actors_.size(); }
    const Coroutine* coroutine(int a) const {
        return a >= 0 && a < int(actors_.size()) ? actors_[a].co : nullptr;
    }
    uint64_t events() const { return events_; }
    Stats& stats() { return stats_; }

private:
    struct Entry {
        int actor;
        uint8_t index;  // which wait_any source
    };
    struct Due {
        Tick tick;
        unsigned line;
    };

    bool expired(const Wait& w) const;
    void settle();
    void end(int actor, int index, Status s, uint32_t item = 0);
    Status try_now(int actor, Wait& w);
    bool put(unsigned c, uint32_t item);
    bool take_item(unsigned c, uint32_t& out);
    bool source_ready(unsigned n, uint32_t& item);
    void let_in();
    static Queue queue_of(Kind kind, unsigned object);
    static Queue source_queue(unsigned n);

    const Program& program_;
    Checks& checks_;
    Tick now_ = 0;
    bool by_clock_ = false;
    int raising_ = -1;
    uint64_t events_ = 0;
    uint64_t order_ = 0;
    std::vector<Actor> actors_;
    std::vector<Entry> queue_[queue_count];
    int owner_[mutex_count];
    uint32_t count_[semaphore_count];
    bool set_[event_count] = {};
    int readers_ = 0;
    int writer_ = nobody;
    std::deque<uint32_t> items_[channel_count];
    std::vector<Due> due_;
    unsigned alive_[pool_count] = {};
    size_t handed_[pool_count];                        // slots the pool has ever handed out
    uint32_t refused_[pool_count];                     // its exhausted() count
    std::vector<const Coroutine*> freed_[pool_count];  // slots freed in this run, last on top
    Stats stats_;
};

}  // namespace weft::model
