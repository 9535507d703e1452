// The runner: main()'s part, the coroutines' bodies and the interrupt handlers.
#include "run.h"

#include "observe.h"
#include "port_host.h"

namespace weft::model {

Run::Run(const Program& p, const Options& o)
    : program_(p),
      checks_(o.trace),
      world_(p),
      model_(p, checks_),
      ledger_(p, checks_),
      scripts_(p.scripts.size()) {
    for (size_t i = 0; i < scripts_.size(); ++i) scripts_[i] = {this, unsigned(i), {}};
    for (size_t i = 0; i < p.steps.size(); ++i) scripts_[p.steps[i].actor].steps.push_back(i);
    for (unsigned l = 0; l < line_count; ++l) {
        lines_[l] = {this, l};
        port_host_irq_attach(l, interrupt, &lines_[l]);
    }
}

const void* Run::entry() {
    return reinterpret_cast<const void*>(&Run::body);
}

void Run::body(void* p) {
    Script& script = *static_cast<Script*>(p);
    Run& r = *script.run;
    int a = int(script.index);
    r.checks_.at(no_step, a);
    r.model_.started(a);
    for (size_t i : script.steps) r.exec(a, i);
    r.finish(a);
    r.checks_.at(no_step, a);
    r.model_.finished(a);
    r.ledger_.finished(a);
}

// Each line's handler makes the call the program gave it, as a device's handler would.
void Run::interrupt(void* p) {
    Line& line = *static_cast<Line*>(p);
    Run& r = *line.run;
    Checks::Context interrupted = r.checks_.context();
    int actor = first_line_actor + int(line.line);
    r.checks_.at(no_step, actor);
    r.model_.fired(line.line, r.raising_ != int(line.line));
    ++r.handled_[line.line];
    (void)r.act(actor, r.program_.handlers[line.line]);
    r.model_.sync();
    observe_objects(r.model_, r.world_, r.checks_);
    r.model_.handled();
    r.checks_.at(interrupted);
}

void Run::spawn_script(unsigned child) {
    const auto& shape = program_.scripts[child];
    Mark m = mark();
    Result<Coroutine*> got =
        spawn(pool(shape.pool), body, &scripts_[child], shape.named ? script_name(child) : nullptr);
    quick(m, "spawn");
    model_.spawned(child, got);
}

// What a coroutine still holds when its steps are done goes back, so that every prefix of a
// program is a program that ends.
void Run::finish(int a) {
    checks_.at(no_step, a);
    checks_.note("steps done: releases what it holds");
    for (unsigned m = mutex_count; m-- > 0;) {
        if (!ledger_.holds(a, m)) continue;
        Status want = model_.unlock(a, m);
        expect_status(world_.mutex[m].unlock(), want, "unlock");
        ledger_.unlocked(a, m);
    }
    while (ledger_.writes(a) || ledger_.reads(a) > 0) {
        bool writer = ledger_.writes(a);
        Status want = model_.rw_unlock(a);
        Status got = world_.rwlock.unlock();
        expect_status(got, want, "rwlock.unlock");
        if (got != Status::ok) break;
        if (writer)
            ledger_.write_unlocked(a);
        else
            ledger_.read_unlocked(a);
    }
}

uint32_t Run::next_item(int actor) {
    unsigned sender = actor == main_actor         ? max_scripts
                      : actor >= first_line_actor ? max_scripts + 1 + unsigned(actor - first_line_actor)
                                                  : unsigned(actor);
    return sender << 24 | ++sequence_[sender];
}

// A handler's call, or main()'s when it rescues or drains: none of them waits.
Status Run::act(int actor, Handler h) {
    if (actor >= main_actor) checks_.note("%s", describe(h).c_str());  // a step has said what it does
    unsigned o = h.object;
    Status got = Status::ok, want = Status::ok;
    Mark m = mark();
    switch (h.action) {
    case Action::give:
        want = model_.give(o);
        m = mark();
        got = world_.semaphore[o].give();
        if (got == Status::ok) ledger_.given(o);
        break;
    case Action::try_take:
        want = model_.attempt(actor, Kind::take, o);
        m = mark();
        got = world_.semaphore[o].try_take();
        if (got == Status::ok) ledger_.taken(o);
        break;
    case Action::set:
        model_.set(o);
        m = mark();
        world_.event[o].set();
        break;
    case Action::clear:
        model_.clear(o);
        m = mark();
        world_.event[o].clear();
        break;
    case Action::try_wait:
        want = model_.attempt(actor, Kind::wait, o);
        m = mark();
        got = world_.event[o].try_wait();
        break;
    case Action::try_send: {
        uint32_t item = next_item(actor);
        ledger_.offered(o, item);
        want = model_.attempt(actor, Kind::send, o, item);
        m = mark();
        got = world_.try_send(o, item);
        ledger_.sent(o, item, got == Status::ok);
        break;
    }
    case Action::try_receive: {
        uint32_t expected = 0, item = 0;
        want = model_.attempt(actor, Kind::receive, o, 0, &expected);
        m = mark();
        got = world_.try_receive(o, item);
        if (got == Status::ok) {
            checks_.expect(item == expected, "try_receive got %#x; the model says %#x", item, expected);
            ledger_.received(actor, o, item);
        }
        break;
    }
    case Action::wake_one: {
        bool want_one = model_.wake_one();
        m = mark();
        bool woke = world_.queue.wake_one();
        checks_.expect(woke == want_one, "wake_one() returned %d; the model says %d", woke, want_one);
        break;
    }
    case Action::wake_all: {
        unsigned want_all = model_.wake_all();
        m = mark();
        unsigned woke = world_.queue.wake_all();
        checks_.expect(woke == want_all, "wake_all() woke %u; the model says %u", woke, want_all);
        break;
    }
    }
    quick(m, "a call from a handler or main");
    expect_status(got, want, "the call");
    return got;
}

// After a deadlock nothing else would come: main() ends every wait it can (a wait for a lock ends
// as its holder, woken, goes on to release it), and the coroutines go on with their steps. Each
// round moves at least one coroutine on by a step, so the rounds are bounded by the steps.
void Run::rescue() {
    checks_.at(no_step, main_actor);
    for (uint8_t e = 0; e < event_count; ++e) (void)act(main_actor, {Action::set, e});
    for (uint8_t s = 0; s < semaphore_count; ++s) (void)act(main_actor, {Action::give, s});
    for (uint8_t c = 0; c < channel_count; ++c) {
        if (world_.channel(c).size() == 0)
            (void)act(main_actor, {Action::try_send, c});
        else if (world_.channel(c).size() == channel_capacity[c])
            (void)act(main_actor, {Action::try_receive, c});
    }
    (void)act(main_actor, {Action::wake_all, 0});
}

// What the channels still hold must be every item sent and not yet received, in order.
void Run::drain() {
    checks_.at(no_step, main_actor);
    for (uint8_t c = 0; c < channel_count; ++c)
        for (unsigned k = 0; k <= channel_capacity[c]; ++k)
            if (act(main_actor, {Action::try_receive, c}) != Status::ok) break;
}

Verdict Run::go() {
    checks_.at(no_step, main_actor);
    for (size_t i = 0; i < program_.scripts.size(); ++i)
        if (program_.scripts[i].initial) spawn_script(unsigned(i));
    Status last = Status::deadlock;
    for (unsigned rounds = 0;; ++rounds) {
        last = run();
        checks_.at(no_step, main_actor);
        checks_.note("run() returned %s", to_string(last));
        model_.run_returned(last);
        observe_objects(model_, world_, checks_);
        observe_listing(model_, world_, checks_, main_actor, entry());
        if (last != Status::deadlock || rounds > program_.steps.size() + max_scripts) break;
        rescue();
    }
    checks_.expect(last == Status::ok, "run() still returns %s after every rescue", to_string(last));
    bool clean = last == Status::ok;
    for (unsigned p = 0; p < pool_count; ++p) {
        clean &= pool(p).used() == 0;
        checks_.expect(pool(p).used() == 0, "pool %s has %zu coroutines left", pool(p).name(),
                       pool(p).used());
    }
    if (clean) {
        drain();
        ledger_.end(world_);
        observe_report(model_, checks_, main_actor);
    }
    Verdict v{!checks_.failed(), clean, checks_.failure(), checks_.trace(), model_.stats()};
    v.stats.programs = 1;
    return v;
}

Verdict run_program(const Program& p, const Options& o) {
    port_host_reset(p.start);
    auto* run = new Run(p, o);
    Verdict v = run->go();
    // A run that left coroutines waiting is kept: they are linked into its objects.
    if (!v.clean) return v;
    delete run;
    port_host_reset(0);  // forgets its handlers, which pointed into it
    return v;
}

}  // namespace weft::model
