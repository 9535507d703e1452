// The reference model's rules for what is not an object: pools and coroutines' lives, the fake
// interrupts, and what run() returns.
#include <string.h>

#include <algorithm>

#include "model.h"
#include "world.h"

namespace weft::model {

// A full pool refuses (exhausted) and changes nothing else; otherwise the slot freed last is
// handed out first (a LIFO free list, design.md), and a fresh one only when none is free.
void Model::spawned(unsigned child, Result<Coroutine*> got) {
    sync();
    unsigned p = program_.scripts[child].pool;
    Pool& pl = pool(p);
    ++stats_.spawns;
    if (alive_[p] == pool_capacity[p]) {
        ++stats_.exhausted;
        ++refused_[p];
        actors_[child].life = Life::refused;
        checks_.expect(got.status() == Status::exhausted, "spawn c%u into a full pool returned %s", child,
                       to_string(got.status()));
        checks_.expect(pl.exhausted() == refused_[p], "pool %s counts %u refusals; the model %u", pl.name(),
                       pl.exhausted(), refused_[p]);
        checks_.expect(pl.used() == alive_[p], "a refused spawn changed the pool's use");
        return;
    }
    if (!checks_.expect(got.ok(), "spawn c%u returned %s with %u of %u slots used", child,
                        to_string(got.status()), alive_[p], pool_capacity[p])) {
        actors_[child].life = Life::refused;
        return;
    }
    const Coroutine* co = *got;
    if (!freed_[p].empty()) {
        checks_.expect(co == freed_[p].back(), "spawn c%u did not reuse the slot freed last", child);
        freed_[p].pop_back();
        ++stats_.reused;
    } else if (handed_[p] > alive_[p]) {
        bool old = false;
        for (size_t i = 0; i < handed_[p]; ++i) old |= pl.slot(i) == co;
        for (const Actor& a : actors_) old &= !(a.life == Life::alive && a.co == co);
        checks_.expect(old, "spawn c%u took a fresh slot while one was free", child);
        ++stats_.reused;
    } else {
        checks_.expect(co == pl.slot(handed_[p]), "spawn c%u did not take the next fresh slot", child);
        ++handed_[p];
    }
    actors_[child].life = Life::alive;
    actors_[child].co = co;
    ++alive_[p];
    checks_.expect(pl.used() == alive_[p], "pool %s has %zu used; the model %u", pl.name(), pl.used(),
                   alive_[p]);
    checks_.expect(pl.handed_out() == handed_[p] && pl.peak() == pl.handed_out(),
                   "pool %s handed out %zu slots, peak %zu; the model %zu", pl.name(), pl.handed_out(),
                   pl.peak(), handed_[p]);
}

void Model::started(int a) {
    sync();
    Actor& act = actors_[a];
    checks_.expect(act.life == Life::alive && !act.started, "c%d started twice or unspawned", a);
    act.started = true;
    const Coroutine* me = self();
    checks_.expect(me == act.co, "self() is not the coroutine spawn returned");
    checks_.expect(in_coroutine() && entered(me) && state(me) == State::running,
                   "a started coroutine is not running");
    checks_.expect(pool_of(me) == &pool(program_.scripts[a].pool),
                   "pool_of() is not the pool it was spawned from");
    checks_.expect(stack_size(me) == pool_of(me)->stack_size(), "stack_size() is not its pool's");
    if (program_.scripts[a].named)
        checks_.expect(
            name(me) != nullptr && strcmp(name(me), script_name(a)) == 0 && entry_address(me) == nullptr,
            "name() is not the one given to spawn");
    else
        checks_.expect(name(me) == nullptr && entry_address(me) != nullptr,
                       "an unnamed coroutine has a name");
}

void Model::finished(int a) {
    sync();
    Actor& act = actors_[a];
    unsigned p = program_.scripts[a].pool;
    checks_.expect(act.wait.kind == Kind::none, "c%d ends inside a call", a);
    for (unsigned m = 0; m < mutex_count; ++m)
        checks_.expect(owner_[m] != a, "c%d ends holding mutex %u", a, m);
    checks_.expect(writer_ != a, "c%d ends holding the write lock", a);
    act.life = Life::finished;
    --alive_[p];
    freed_[p].push_back(act.co);
}

void Model::scheduled(unsigned line, Tick tick) {
    sync();
    due_.push_back({tick, line});
}

// A handler started by the clock runs at its tick, never early or late; lines due at one tick are
// one pending bit each, taken once. One raised at once runs inside the raise.
void Model::fired(unsigned line, bool by_clock) {
    by_clock_ = by_clock;
    sync();
    ++stats_.interrupts;
    if (!by_clock) {
        checks_.expect(raising_ == int(line), "line %u fired with nothing raising it or due", line);
        return;
    }
    size_t before = due_.size();
    due_.erase(std::remove_if(due_.begin(), due_.end(),
                              [&](const Due& d) { return d.line == line && d.tick == now_; }),
               due_.end());
    checks_.expect(due_.size() < before, "line %u fired with nothing due now", line);
    for (const Due& d : due_)
        checks_.expect(d.tick >= now_, "line %u was due at %llu and has not fired", d.line,
                       static_cast<unsigned long long>(d.tick));
}

Tick Model::tie(unsigned pick, Tick fallback) const {
    std::vector<Tick> ticks;
    for (const Actor& a : actors_)
        if (a.wait.pending && a.wait.deadline != forever_tick && a.wait.deadline > now_)
            ticks.push_back(a.wait.deadline);
    for (const Due& d : due_)
        if (d.tick > now_) ticks.push_back(d.tick);
    if (ticks.empty()) return fallback;
    std::sort(ticks.begin(), ticks.end());
    return ticks[pick % ticks.size()];
}

void Model::run_returned(Status got) {
    by_clock_ = false;
    sync();
    int stuck = nobody;
    for (size_t a = 0; a < actors_.size(); ++a)
        if (actors_[a].life == Life::alive && stuck == nobody) stuck = int(a);
    checks_.expect(got == Status::ok || got == Status::deadlock, "run() returned %s", to_string(got));
    // With nothing left to run, run() returns without waiting for interrupts still to come; with
    // coroutines waiting, it idles until each has come.
    if (got == Status::ok) {
        checks_.expect(stuck == nobody, "run() returned ok, but c%d has not ended", stuck);
        return;
    }
    ++stats_.deadlocks;
    checks_.expect(due_.empty(), "run() returned deadlock with %zu interrupts still due", due_.size());
    checks_.expect(stuck != nobody, "run() returned deadlock, but every coroutine has ended");
    // Only waits nothing can end: no deadline, on an object the model also sees unavailable.
    for (size_t a = 0; a < actors_.size(); ++a) {
        const Actor& act = actors_[a];
        if (act.life != Life::alive) continue;
        checks_.expect(act.wait.pending && act.wait.deadline == forever_tick,
                       "run() returned deadlock, but c%zu could still run (%s)", a,
                       act.wait.pending ? "its wait has a deadline" : "it is ready");
    }
}

}  // namespace weft::model
