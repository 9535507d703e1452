// The reference model's rules, each from docs/api.md (and design.md where the API leaves the order
// of simultaneous events to it).
#include "model.h"

#include <algorithm>

#include "port_host.h"
#include "world.h"

namespace weft::model {

namespace {

const char* kind_name(Kind k) {
    static const char* const names[] = {"nothing", "lock", "take",    "wait",       "read_lock", "write_lock",
                                        "upgrade", "send", "receive", "queue wait", "wait_any",  "sleep"};
    return names[static_cast<unsigned>(k)];
}

}  // namespace

void Stats::add(const Stats& o) {
    programs += o.programs;
    steps += o.steps;
    waits += o.waits;
    woken += o.woken;
    timed_out += o.timed_out;
    immediate += o.immediate;
    gave_up += o.gave_up;
    would_block += o.would_block;
    spawns += o.spawns;
    exhausted += o.exhausted;
    reused += o.reused;
    deadlocks += o.deadlocks;
    interrupts += o.interrupts;
    clock_ties += o.clock_ties;
}

Model::Model(const Program& p, Checks& checks)
    : program_(p), checks_(checks), actors_(p.scripts.size()) {
    for (int& o : owner_) o = nobody;
    for (unsigned s = 0; s < semaphore_count; ++s) count_[s] = p.initial[s];
    for (unsigned i = 0; i < pool_count; ++i) {
        handed_[i] = pool(i).handed_out();
        refused_[i] = pool(i).exhausted();
    }
    now_ = weft::now();
}

Queue Model::queue_of(Kind kind, unsigned o) {
    switch (kind) {
    case Kind::lock: return Queue(q_mutex0 + o);
    case Kind::take: return Queue(q_semaphore0 + o);
    case Kind::wait: return Queue(q_event0 + o);
    case Kind::send: return Queue(q_send0 + o);
    case Kind::receive: return Queue(q_receive0 + o);
    case Kind::queue: return q_queue;
    default: return q_rwlock;
    }
}

Queue Model::source_queue(unsigned n) {
    return n < 2 ? Queue(q_event0 + n) : n < 4 ? Queue(q_semaphore0 + n - 2) : Queue(q_receive0 + n - 4);
}

// A timed wait whose timer has fired by now. Inside a handler that the clock started at its tick,
// that tick's timers have not: the timer interrupt comes after every other one due with it.
bool Model::expired(const Wait& w) const {
    if (w.deadline == forever_tick) return false;
    return w.deadline < now_ || (w.deadline == now_ && !by_clock_);
}

void Model::sync() {
    ++events_;
    now_ = weft::now();
    checks_.expect(now_ == port_host_now(), "now() is %llu but the fake clock is at %llu",
                   static_cast<unsigned long long>(now_), static_cast<unsigned long long>(port_host_now()));
    settle();
}

// Ends, in the order their timers fire, the waits whose deadline has come.
void Model::settle() {
    std::vector<int> due;
    for (size_t a = 0; a < actors_.size(); ++a)
        if (actors_[a].wait.pending && expired(actors_[a].wait)) due.push_back(int(a));
    std::sort(due.begin(), due.end(), [this](int x, int y) {
        const Wait& a = actors_[x].wait;
        const Wait& b = actors_[y].wait;
        return a.deadline != b.deadline ? a.deadline < b.deadline : a.order < b.order;
    });
    for (int a : due) {
        if (!actors_[a].wait.pending) continue;  // let in by an earlier timeout
        bool queued_for_rwlock = false;
        for (const Entry& e : queue_[q_rwlock]) queued_for_rwlock |= e.actor == a;
        end(a, -1, Status::timeout);
        // "waiting up to timeout while a writer holds or waits" (rwlock.h): once a writer that
        // waited gives up, the readers behind it may be let in.
        if (queued_for_rwlock) let_in();
    }
}

void Model::end(int a, int index, Status s, uint32_t item) {
    Wait& w = actors_[a].wait;
    w.pending = false;
    w.status = s;
    w.fired = index;
    w.item = item;
    for (auto& q : queue_)
        q.erase(std::remove_if(q.begin(), q.end(), [a](const Entry& e) { return e.actor == a; }), q.end());
    if (w.kind != Kind::sleep) ++(s == Status::ok ? stats_.woken : stats_.timed_out);
    if (by_clock_ && s == Status::ok && w.deadline == now_) ++stats_.clock_ties;
}

// Hands `item` to the longest waiting receiver, or stores it: false when full.
bool Model::put(unsigned c, uint32_t item) {
    Queue rq = Queue(q_receive0 + c);
    if (!queue_[rq].empty()) {
        Entry e = queue_[rq].front();
        end(e.actor, e.index, Status::ok, item);
        return true;
    }
    if (items_[c].size() == channel_capacity[c]) return false;
    items_[c].push_back(item);
    return true;
}

// Takes the oldest item; the room it leaves goes to the longest waiting sender.
bool Model::take_item(unsigned c, uint32_t& out) {
    if (items_[c].empty()) return false;
    out = items_[c].front();
    items_[c].pop_front();
    Queue sq = Queue(q_send0 + c);
    if (!queue_[sq].empty()) {
        Entry e = queue_[sq].front();
        put(c, actors_[e.actor].wait.offered);
        end(e.actor, 0, Status::ok);
    }
    return true;
}

bool Model::source_ready(unsigned n, uint32_t& item) {
    if (n < 2) {
        if (!set_[n]) return false;
        if (n == 1) set_[n] = false;  // auto-reset: the wait takes it
        return true;
    }
    if (n < 4) {
        if (count_[n - 2] == 0) return false;
        --count_[n - 2];
        return true;
    }
    return take_item(n - 4, item);
}

// Completes `w` for `actor` if it can complete now: ok (applied), deadlock, or would_block.
Status Model::try_now(int a, Wait& w) {
    unsigned o = w.object;
    switch (w.kind) {
    case Kind::lock:
        if (owner_[o] == a) return Status::deadlock;
        if (owner_[o] != nobody) return Status::would_block;
        owner_[o] = a;
        return Status::ok;
    case Kind::take:
        if (count_[o] == 0) return Status::would_block;
        --count_[o];
        return Status::ok;
    case Kind::wait:
        if (!set_[o]) return Status::would_block;
        if (o == 1) set_[o] = false;
        return Status::ok;
    case Kind::read:
        if (writer_ != nobody || !queue_[q_rwlock].empty()) return Status::would_block;
        ++readers_;
        return Status::ok;
    case Kind::write:
        if (writer_ != nobody || readers_ != 0 || !queue_[q_rwlock].empty()) return Status::would_block;
        writer_ = a;
        return Status::ok;
    case Kind::upgrade:
        if (readers_ != 1 || !queue_[q_rwlock].empty()) return Status::would_block;
        readers_ = 0;
        writer_ = a;
        return Status::ok;
    case Kind::send: return put(o, w.offered) ? Status::ok : Status::would_block;
    case Kind::receive: return take_item(o, w.item) ? Status::ok : Status::would_block;
    case Kind::any:
        // The first ready source in the order given wins, and only it is consumed.
        for (unsigned i = 0; i < w.source_count; ++i) {
            if (source_ready(w.sources[i], w.item)) {
                w.fired = int(i);
                return Status::ok;
            }
        }
        return Status::would_block;
    default: return Status::would_block;
    }
}

void Model::call(int a, Kind kind, unsigned object, Tick deadline, uint32_t offered, const uint8_t* sources,
                 unsigned count) {
    sync();
    Wait& w = actors_[a].wait;
    w = Wait{};
    w.kind = kind;
    w.object = object;
    w.deadline = deadline;
    w.offered = offered;
    w.source_count = static_cast<uint8_t>(count);
    for (unsigned i = 0; i < count; ++i) w.sources[i] = sources[i];
    if (kind == Kind::sleep) {
        w.immediate = deadline <= now_;  // a deadline already past yields
        w.pending = !w.immediate;
        w.order = order_++;
        return;
    }
    Status s = try_now(a, w);
    if (s != Status::would_block) {
        w.immediate = true;
        w.status = s;
        ++stats_.immediate;
        return;
    }
    // Not at once: an upgrade gives up its read lock first, letting in whoever that admits.
    if (kind == Kind::upgrade) {
        --readers_;
        let_in();
    }
    if (deadline != forever_tick && deadline <= now_) {
        w.immediate = true;
        w.status = Status::timeout;
        ++stats_.gave_up;
        return;
    }
    w.pending = true;
    w.order = order_++;
    ++stats_.waits;
    if (kind == Kind::any) {
        for (unsigned i = 0; i < count; ++i) queue_[source_queue(sources[i])].push_back({a, uint8_t(i)});
    } else {
        queue_[queue_of(kind, object)].push_back({a, 0});
    }
}

void Model::returned(int a, Status got, uint32_t item, int fired) {
    sync();
    Wait& w = actors_[a].wait;
    const char* what = kind_name(w.kind);
    if (w.kind == Kind::sleep) {
        checks_.expect(!w.pending, "sleep returned before its deadline %llu",
                       static_cast<unsigned long long>(w.deadline));
        checks_.expect(w.immediate || now_ >= w.deadline, "sleep ended early");
    } else if (w.pending) {
        checks_.expect(false, "%s returned %s, but nothing ended its wait (deadline %llu)", what,
                       to_string(got), static_cast<unsigned long long>(w.deadline));
        end(a, -1, got);
    } else {
        checks_.expect(got == w.status, "%s returned %s; the model says %s", what, to_string(got),
                       to_string(w.status));
        if (got == Status::timeout)
            checks_.expect(w.deadline <= now_, "%s timed out before its deadline %llu", what,
                           static_cast<unsigned long long>(w.deadline));
        if (got == Status::ok && w.kind == Kind::any)
            checks_.expect(fired == w.fired, "wait_any fired source %d; the model says %d", fired, w.fired);
        bool carries = w.kind == Kind::receive ||
                       (w.kind == Kind::any && fired >= 0 && fired == w.fired && w.sources[fired] >= 4);
        if (got == Status::ok && carries)
            checks_.expect(item == w.item, "%s received %#x; the model says %#x", what, item, w.item);
    }
    w.kind = Kind::none;
    w.pending = false;
}

Status Model::attempt(int a, Kind kind, unsigned object, uint32_t offered, uint32_t* item) {
    sync();
    Wait w;
    w.kind = kind;
    w.object = object;
    w.offered = offered;
    Status s = try_now(a, w);
    if (item != nullptr) *item = w.item;
    if (s == Status::would_block) ++stats_.would_block;
    return s;
}

Status Model::unlock(int a, unsigned m) {
    sync();
    if (owner_[m] != a) return Status::not_owner;
    // No barging: the mutex belongs to the longest waiter at once.
    Queue q = Queue(q_mutex0 + m);
    if (queue_[q].empty()) {
        owner_[m] = nobody;
    } else {
        owner_[m] = queue_[q].front().actor;
        end(owner_[m], 0, Status::ok);
    }
    return Status::ok;
}

Status Model::give(unsigned s) {
    sync();
    Queue q = Queue(q_semaphore0 + s);
    if (!queue_[q].empty()) {
        Entry e = queue_[q].front();
        end(e.actor, e.index, Status::ok);
        return Status::ok;
    }
    if (count_[s] == UINT32_MAX) return Status::exhausted;
    ++count_[s];
    return Status::ok;
}

void Model::set(unsigned e) {
    sync();
    Queue q = Queue(q_event0 + e);
    if (e == 1) {  // auto-reset: the longest waiter takes it, or it stays set for the next
        if (queue_[q].empty()) {
            set_[e] = true;
        } else {
            Entry first = queue_[q].front();
            end(first.actor, first.index, Status::ok);
        }
        return;
    }
    set_[e] = true;
    while (!queue_[q].empty()) {
        Entry first = queue_[q].front();
        end(first.actor, first.index, Status::ok);
    }
}

void Model::clear(unsigned e) {
    sync();
    set_[e] = false;
}

// Grants the lock from the front of its queue: a run of readers, or one writer on a free lock.
void Model::let_in() {
    while (!queue_[q_rwlock].empty()) {
        Entry e = queue_[q_rwlock].front();
        Kind k = actors_[e.actor].wait.kind;
        if (k == Kind::write || k == Kind::upgrade) {
            if (readers_ != 0 || writer_ != nobody) return;
            writer_ = e.actor;
            end(e.actor, 0, Status::ok);
            return;
        }
        if (writer_ != nobody) return;
        ++readers_;
        end(e.actor, 0, Status::ok);
    }
}

Status Model::rw_unlock(int a) {
    sync();
    if ((readers_ == 0 && writer_ == nobody) || (writer_ != nobody && writer_ != a)) return Status::not_owner;
    if (writer_ == a)
        writer_ = nobody;
    else
        --readers_;
    let_in();
    return Status::ok;
}

void Model::downgrade(int a) {
    sync();
    checks_.expect(writer_ == a, "downgrade by a coroutine that does not hold the write lock");
    writer_ = nobody;
    readers_ = 1;
    let_in();
}

bool Model::wake_one() {
    sync();
    if (queue_[q_queue].empty()) return false;
    end(queue_[q_queue].front().actor, 0, Status::ok);
    return true;
}

unsigned Model::wake_all() {
    sync();
    unsigned n = 0;
    while (!queue_[q_queue].empty()) {
        end(queue_[q_queue].front().actor, 0, Status::ok);
        ++n;
    }
    return n;
}

}  // namespace weft::model
