// Comparing what the kernel shows with the model.
#include "observe.h"

#include <stdio.h>
#include <string.h>

#include <string>
#include <vector>

namespace weft::model {

namespace {

// The program's coroutine now in `co`'s slot, or nobody.
int alive_actor(const Model& m, const Coroutine* co) {
    for (size_t a = 0; a < m.actors(); ++a)
        if (m.actor(int(a)).co == co && m.actor(int(a)).life == Life::alive) return int(a);
    return nobody;
}

std::string label(const Model& m, const Coroutine* co) {
    if (co == nullptr) return "nobody";
    int a = alive_actor(m, co);
    return a == nobody ? "a coroutine not of this program" : "c" + std::to_string(a);
}

WaitKind wait_kind(Kind k) {
    switch (k) {
    case Kind::lock: return WaitKind::mutex;
    case Kind::take: return WaitKind::semaphore;
    case Kind::wait: return WaitKind::event;
    case Kind::read:
    case Kind::write:
    case Kind::upgrade: return WaitKind::rwlock;
    case Kind::send: return WaitKind::channel_send;
    case Kind::receive: return WaitKind::channel_receive;
    case Kind::queue: return WaitKind::queue;
    case Kind::any: return WaitKind::any;
    case Kind::sleep: return WaitKind::sleep;
    default: return WaitKind::none;
    }
}

const void* waited_on(World& w, const Wait& wait) {
    unsigned o = wait.object;
    switch (wait.kind) {
    case Kind::lock: return &w.mutex[o];
    case Kind::take: return &w.semaphore[o];
    case Kind::wait: return &w.event[o];
    case Kind::read:
    case Kind::write:
    case Kind::upgrade: return &w.rwlock;
    case Kind::send:
    case Kind::receive: return &w.channel(o);
    case Kind::queue: return &w.queue;
    default: return nullptr;
    }
}

// Whether anyone waits in one of the kernel's queues, as the model has it.
void same_waiters(const Model& m, Checks& c, bool kernel_empty, Queue q, const char* what) {
    int first = m.front(q);
    std::string model = first == nobody ? "nobody" : "c" + std::to_string(first) + " first";
    c.expect(kernel_empty == (first == nobody), "%s: the kernel has %s waiting; the model has %s", what,
             kernel_empty ? "nobody" : "someone", model.c_str());
}

State expected_state(const Model& m, int a, int running) {
    if (a == running) return State::running;
    return m.actor(a).wait.pending ? State::waiting : State::ready;
}

}  // namespace

void observe_objects(const Model& m, World& w, Checks& c) {
    for (unsigned i = 0; i < mutex_count; ++i)
        c.expect(w.mutex[i].owner() == m.coroutine(m.owner(i)), "mutex %u: owner() is %s; the model says %s",
                 i, label(m, w.mutex[i].owner()).c_str(), label(m, m.coroutine(m.owner(i))).c_str());
    for (unsigned i = 0; i < semaphore_count; ++i) {
        c.expect(w.semaphore[i].count() == m.count(i), "semaphore %u: count() is %u; the model says %u", i,
                 w.semaphore[i].count(), m.count(i));
        same_waiters(m, c, w.semaphore[i].waiters().empty(), Queue(q_semaphore0 + i),
                     i ? "semaphore 1" : "semaphore 0");
    }
    for (unsigned i = 0; i < event_count; ++i) {
        c.expect(w.event[i].is_set() == m.is_set(i), "event %u: is_set() is %d; the model says %d", i,
                 w.event[i].is_set(), m.is_set(i));
        same_waiters(m, c, w.event[i].waiters().empty(), Queue(q_event0 + i), i ? "event 1" : "event 0");
    }
    c.expect(w.rwlock.readers() == m.readers() && w.rwlock.write_locked() == (m.writer() != nobody),
             "rwlock: %d readers%s; the model says %d%s", w.rwlock.readers(),
             w.rwlock.write_locked() ? " and a writer" : "", m.readers(),
             m.writer() != nobody ? " and a writer" : "");
    for (unsigned i = 0; i < channel_count; ++i) {
        c.expect(w.channel(i).size() == m.size(i), "channel %u: size() is %zu; the model says %zu", i,
                 w.channel(i).size(), m.size(i));
        same_waiters(m, c, w.channel(i).receivers().empty(), Queue(q_receive0 + i),
                     i ? "channel 1's receivers" : "channel 0's receivers");
    }
    same_waiters(m, c, w.queue.empty(), q_queue, "queue");
}

void observe_listing(const Model& m, World& w, Checks& c, int running, const void* entry) {
    std::vector<CoroutineInfo> seen;
    for_each_coroutine(
        [](const CoroutineInfo& i, void* p) { static_cast<std::vector<CoroutineInfo>*>(p)->push_back(i); },
        &seen);
    for (unsigned p = 0; p < pool_count; ++p) {
        Pool& pl = pool(p);
        size_t slot = 0, listed_alive = 0;
        for (const CoroutineInfo& info : seen) {
            if (info.pool != &pl) continue;
            if (!c.expect(slot < pl.handed_out() && info.co == pl.slot(slot),
                          "for_each_coroutine listed pool %s's slots out of order", pl.name()))
                return;
            ++slot;
            listed_alive += info.state != State::free;
            c.expect(info.stack_size == pl.stack_size() && info.stack_high_water <= info.stack_size,
                     "slot %zu of pool %s: stack %zu, %zu used", slot - 1, pl.name(), info.stack_size,
                     info.stack_high_water);
            int a = alive_actor(m, info.co);
            if (a == nobody) {
                c.expect(info.state == State::free, "slot %zu of pool %s is %s; the model has it free",
                         slot - 1, pl.name(), to_string(info.state));
                continue;
            }
            const Actor& act = m.actor(a);
            State want = expected_state(m, a, running);
            c.expect(info.state == want, "c%d is listed %s; the model says %s", a, to_string(info.state),
                     to_string(want));
            if (m.actor(a).started)
                c.expect(info.stack_high_water > 0, "c%d ran, but its stack is unused", a);
            bool named =
                info.name != nullptr && strcmp(info.name, script_name(a)) == 0 && info.entry == nullptr;
            c.expect(named || (info.name == nullptr && info.entry == entry),
                     "c%d is listed by the wrong name or entry", a);
            if (want != State::waiting) {
                c.expect(info.waiting_for == WaitKind::none,
                         "c%d is not waiting, but is listed waiting for %s", a, to_string(info.waiting_for));
                continue;
            }
            Tick wake = act.wait.deadline;
            c.expect(
                info.waiting_for == wait_kind(act.wait.kind) && info.waiting_on == waited_on(w, act.wait),
                "c%d is listed waiting for %s %p; the model says %s %p", a, to_string(info.waiting_for),
                info.waiting_on, to_string(wait_kind(act.wait.kind)), waited_on(w, act.wait));
            c.expect(info.wake_at == wake, "c%d is listed waking at %llu; the model says %llu", a,
                     static_cast<unsigned long long>(info.wake_at), static_cast<unsigned long long>(wake));
        }
        c.expect(slot == pl.handed_out(), "for_each_coroutine listed %zu of pool %s's %zu slots", slot,
                 pl.name(), pl.handed_out());
        c.expect(pl.used() == m.alive(p) && listed_alive == pl.used(),
                 "pool %s: %zu used, %zu listed alive; the model %u", pl.name(), pl.used(), listed_alive,
                 m.alive(p));
    }
}

void observe_report(const Model& m, Checks& c, int running) {
    std::vector<std::string> lines;
    report([](const char* line, void* p) { static_cast<std::vector<std::string>*>(p)->push_back(line); },
           &lines);
    size_t pools = 0, slots = 0;
    for (const Pool* p = first_pool(); p != nullptr; p = p->next_pool()) {
        ++pools;
        slots += p->handed_out();
    }
    if (!c.expect(lines.size() == 2 + pools + slots, "report() wrote %zu lines for %zu pools and %zu slots",
                  lines.size(), pools, slots))
        return;
    for (unsigned p = 0; p < pool_count; ++p) {
        const Pool& pl = pool(p);
        if (pl.handed_out() == 0) continue;
        bool found = false;
        for (size_t i = 1; i <= pools; ++i) {
            char name[32];
            size_t used, peak, capacity, stack;
            unsigned long exhausted;
            if (sscanf(lines[i].c_str(), "%31s %zu %zu %zu %zu %lu", name, &used, &peak, &capacity, &stack,
                       &exhausted) != 6 ||
                strcmp(name, pl.name()) != 0)
                continue;
            found = true;
            c.expect(used == pl.used() && peak == pl.peak() && capacity == pl.capacity() &&
                         stack == pl.stack_size() && exhausted == pl.exhausted(),
                     "report()'s line for pool %s does not match the pool", pl.name());
        }
        c.expect(found, "report() has no line for pool %s", pl.name());
    }
    for (size_t a = 0; a < m.actors(); ++a) {
        const Actor& act = m.actor(int(a));
        if (act.life != Life::alive || name(act.co) == nullptr) continue;
        const char* want = to_string(expected_state(m, int(a), running));
        unsigned matches = 0;
        for (size_t i = 2 + pools; i < lines.size(); ++i) {
            char who[24], pool_name[32], state_name[16];
            if (sscanf(lines[i].c_str(), "%23s %31s %15s", who, pool_name, state_name) != 3) continue;
            if (strcmp(who, script_name(unsigned(a))) != 0 ||
                strcmp(pool_name, pool_of(act.co)->name()) != 0 || strcmp(state_name, "terminated") == 0)
                continue;
            ++matches;
            c.expect(strcmp(state_name, want) == 0, "report() lists c%zu %s; the model says %s", a,
                     state_name, want);
        }
        c.expect(matches == 1, "report() lists c%zu %u times", a, matches);
    }
}

}  // namespace weft::model
