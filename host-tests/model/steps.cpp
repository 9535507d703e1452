// Carrying out one step: the kernel call, with the model's prediction before it and the checks
// after it.
#include <chrono>

#include "observe.h"
#include "port_host.h"
#include "run.h"
#include "weft/chrono.h"

namespace weft::model {

namespace {

static_assert(tick_hz == 1000000, "the chrono timeouts below take a microsecond for a tick");

// The lock order: mutex 0, mutex 1, the rwlock.
constexpr int rwlock_rank = int(mutex_count);
constexpr uint32_t untouched = 0xFFFFFFFFu;

Result<unsigned> any(Timeout t, const Source* s, unsigned n) {
    switch (n) {
    case 1: return wait_any(t, s[0]);
    case 2: return wait_any(t, s[0], s[1]);
    case 3: return wait_any(t, s[0], s[1], s[2]);
    default: return wait_any(t, s[0], s[1], s[2], s[3]);
    }
}

}  // namespace

void Run::quick(const Mark& m, const char* call) {
    checks_.expect(model_.events() == m.events && now() == m.now, "%s, which must not wait, let others run",
                   call);
}

void Run::expect_status(Status got, Status want, const char* call) {
    checks_.note("  returned %s", to_string(got));
    checks_.expect(got == want, "%s returned %s; the model says %s", call, to_string(got), to_string(want));
}

void Run::after(int a, size_t i, const Mark& m, Status got, uint32_t item, int fired) {
    checks_.at(i, a);
    if (model_.immediate(a) && model_.actor(a).wait.kind != Kind::sleep)
        quick(m, "a call that completes at once");
    checks_.note("  returned %s", to_string(got));
    model_.returned(a, got, item, fired);
}

// The highest lock `a` holds in the lock order (-1: none); `but_one_read` leaves out one read
// lock, which an upgrade gives up before it waits.
int Run::held_rank(int a, bool but_one_read) const {
    if (ledger_.writes(a) || ledger_.reads(a) > (but_one_read ? 1 : 0)) return rwlock_rank;
    for (int m = int(mutex_count) - 1; m >= 0; --m)
        if (ledger_.holds(a, unsigned(m))) return m;
    return -1;
}

// Waiting for ever on a lock is allowed only up the lock order, so that lock waits form no cycle
// and every deadlock is in a wait main() can end (a set, a give, a send, a receive, a wake).
Timeout Run::timeout(int a, const Step& s, int rank, bool* forever) {
    Tick t = now();
    *forever = false;
    switch (s.when) {
    case When::forever:
        if (rank >= 0 && held_rank(a, false) >= rank) return within(s.ticks);
        *forever = true;
        return weft::forever;
    case When::within: return within(s.ticks);
    case When::until: return until(t + s.ticks);
    case When::past: return until(t >= s.ticks ? t - s.ticks : 0);
    case When::chrono: {
        Timeout d(std::chrono::microseconds(s.ticks));
        checks_.expect(d.deadline == t + s.ticks, "a timeout of %u us ends at %llu", s.ticks,
                       static_cast<unsigned long long>(d.deadline));
        return d;
    }
    case When::tie: break;
    }
    return until(model_.tie(s.ticks, t + s.ticks));
}

void Run::exec(int a, size_t i) {
    const Step& s = program_.steps[i];
    checks_.at(i, a);
    ++model_.stats().steps;
    if (checks_.tracing()) {
        std::string text = describe(s);
        checks_.note("%s", text.c_str() + text.find(' ') + 1);  // without the "cN:" the context gives
    }
    switch (s.op) {
    case Op::lock:
    case Op::try_lock:
    case Op::unlock: mutex_step(a, i, s); break;
    case Op::take:
    case Op::try_take:
    case Op::give: semaphore_step(a, i, s); break;
    case Op::wait:
    case Op::try_wait:
    case Op::set:
    case Op::clear: event_step(a, i, s); break;
    case Op::upgrade:
    case Op::try_upgrade:
    case Op::downgrade: upgrade_step(a, i, s); break;
    case Op::read_lock:
    case Op::try_read_lock:
    case Op::write_lock:
    case Op::try_write_lock:
    case Op::rw_unlock: rwlock_step(a, i, s); break;
    case Op::send:
    case Op::try_send:
    case Op::receive:
    case Op::try_receive: channel_step(a, i, s); break;
    case Op::queue_wait:
    case Op::wake_one:
    case Op::wake_all: queue_step(a, i, s); break;
    case Op::wait_any: any_step(a, i, s); break;
    case Op::sleep_for:
    case Op::sleep_until:
    case Op::yield:
    case Op::advance: time_step(a, i, s); break;
    case Op::raise:
    case Op::irq_at: irq_step(a, i, s); break;
    case Op::spawn: spawn_script(s.object); break;
    case Op::inspect:
        model_.sync();
        observe_listing(model_, world_, checks_, a, entry());
        if (s.alt) observe_report(model_, checks_, a);
        break;
    }
    checks_.at(i, a);
    model_.sync();
    observe_objects(model_, world_, checks_);
}

void Run::mutex_step(int a, size_t i, const Step& s) {
    unsigned m = s.object;
    Mutex& mutex = world_.mutex[m];
    if (s.op == Op::lock) {
        bool forever;
        Timeout t = timeout(a, s, int(m), &forever);
        model_.call(a, Kind::lock, m, t.deadline);
        Mark mk = mark();
        Status got = forever && s.alt ? mutex.lock() : mutex.lock(t);
        after(a, i, mk, got);
        if (got == Status::ok) ledger_.locked(a, m);
        return;
    }
    Status want = s.op == Op::try_lock ? model_.attempt(a, Kind::lock, m) : model_.unlock(a, m);
    Mark mk = mark();
    Status got = s.op == Op::try_lock ? mutex.try_lock() : mutex.unlock();
    quick(mk, s.op == Op::try_lock ? "try_lock" : "unlock");
    expect_status(got, want, s.op == Op::try_lock ? "try_lock" : "unlock");
    if (got == Status::ok && s.op == Op::try_lock) ledger_.locked(a, m);
    if (got == Status::ok && s.op == Op::unlock) ledger_.unlocked(a, m);
}

void Run::semaphore_step(int a, size_t i, const Step& s) {
    unsigned n = s.object;
    Semaphore& sem = world_.semaphore[n];
    if (s.op == Op::take) {
        bool forever;
        Timeout t = timeout(a, s, -1, &forever);
        model_.call(a, Kind::take, n, t.deadline);
        Mark mk = mark();
        Status got = forever && s.alt ? sem.take() : sem.take(t);
        after(a, i, mk, got);
        if (got == Status::ok) ledger_.taken(n);
        return;
    }
    (void)act(a, {s.op == Op::give ? Action::give : Action::try_take, uint8_t(n)});
}

void Run::event_step(int a, size_t i, const Step& s) {
    unsigned e = s.object;
    if (s.op == Op::wait) {
        bool forever;
        Timeout t = timeout(a, s, -1, &forever);
        model_.call(a, Kind::wait, e, t.deadline);
        Mark mk = mark();
        Status got = forever && s.alt ? world_.event[e].wait() : world_.event[e].wait(t);
        after(a, i, mk, got);
        return;
    }
    (void)act(a, {s.op == Op::set     ? Action::set
                  : s.op == Op::clear ? Action::clear
                                      : Action::try_wait,
                  uint8_t(e)});
}

void Run::rwlock_step(int a, size_t i, const Step& s) {
    RwLock& rw = world_.rwlock;
    bool write = s.op == Op::write_lock || s.op == Op::try_write_lock;
    Kind kind = write ? Kind::write : Kind::read;
    if (s.op == Op::read_lock || s.op == Op::write_lock) {
        bool forever;
        Timeout t = timeout(a, s, rwlock_rank, &forever);
        model_.call(a, kind, 0, t.deadline);
        Mark mk = mark();
        Status got = write ? rw.write_lock(t) : rw.read_lock(t);
        after(a, i, mk, got);
        if (got == Status::ok && write) ledger_.write_locked(a);
        if (got == Status::ok && !write) ledger_.read_locked(a);
        return;
    }
    if (s.op == Op::rw_unlock) {
        bool writer = ledger_.writes(a);
        bool holds = writer || ledger_.reads(a) > 0;
        // Releasing another's read lock goes unnoticed (readers are only counted): not tried.
        if (!holds && model_.readers() > 0) return checks_.note("  skipped: others hold read locks");
        Status want = model_.rw_unlock(a);
        Mark mk = mark();
        Status got = rw.unlock();
        quick(mk, "rwlock.unlock");
        expect_status(got, want, "rwlock.unlock");
        if (got == Status::ok && writer) ledger_.write_unlocked(a);
        if (got == Status::ok && !writer && holds) ledger_.read_unlocked(a);
        return;
    }
    Status want = model_.attempt(a, kind, 0);
    Mark mk = mark();
    Status got = write ? rw.try_write_lock() : rw.try_read_lock();
    quick(mk, write ? "try_write_lock" : "try_read_lock");
    expect_status(got, want, write ? "try_write_lock" : "try_read_lock");
    if (got == Status::ok && write) ledger_.write_locked(a);
    if (got == Status::ok && !write) ledger_.read_locked(a);
}

// Each needs the lock held the way it changes: without it the call is misuse, which stops.
void Run::upgrade_step(int a, size_t i, const Step& s) {
    RwLock& rw = world_.rwlock;
    if (s.op == Op::downgrade) {
        if (!ledger_.writes(a)) return checks_.note("  skipped: the write lock is not held");
        model_.downgrade(a);
        Mark mk = mark();
        rw.downgrade();
        quick(mk, "downgrade");
        ledger_.write_unlocked(a);
        ledger_.read_locked(a);
        return;
    }
    if (ledger_.reads(a) == 0 || ledger_.writes(a)) return checks_.note("  skipped: no read lock is held");
    if (s.op == Op::try_upgrade) {
        Status want = model_.attempt(a, Kind::upgrade, 0);
        Mark mk = mark();
        Status got = rw.try_upgrade();
        quick(mk, "try_upgrade");
        expect_status(got, want, "try_upgrade");
        if (got == Status::ok) {
            ledger_.read_unlocked(a);
            ledger_.write_locked(a);
        }
        return;
    }
    // In the lock order it counts what it still holds once it has given up one read lock.
    Step step = s;
    if (s.when == When::forever && held_rank(a, true) >= rwlock_rank) step.when = When::within;
    bool forever;
    Timeout t = timeout(a, step, -1, &forever);
    // Unless it upgrades at once it gives up its read lock first; at once, nothing comes between.
    ledger_.read_unlocked(a);
    model_.call(a, Kind::upgrade, 0, t.deadline);
    Mark mk = mark();
    Status got = rw.upgrade(t);
    after(a, i, mk, got);
    if (got == Status::ok) ledger_.write_locked(a);
}

void Run::channel_step(int a, size_t i, const Step& s) {
    unsigned c = s.object;
    if (s.op == Op::try_send || s.op == Op::try_receive) {
        (void)act(a, {s.op == Op::try_send ? Action::try_send : Action::try_receive, uint8_t(c)});
        return;
    }
    bool forever;
    Timeout t = timeout(a, s, -1, &forever);
    if (s.op == Op::send) {
        uint32_t item = next_item(a);
        ledger_.offered(c, item);
        model_.call(a, Kind::send, c, t.deadline, item);
        Mark mk = mark();
        Status got = forever && s.alt ? world_.send(c, item) : world_.send(c, item, t);
        after(a, i, mk, got);
        ledger_.sent(c, item, got == Status::ok);
        return;
    }
    uint32_t item = untouched;
    model_.call(a, Kind::receive, c, t.deadline);
    Mark mk = mark();
    Status got = forever && s.alt ? world_.receive(c, item) : world_.receive(c, item, t);
    after(a, i, mk, got, item);
    if (got == Status::ok) ledger_.received(a, c, item);
}

void Run::queue_step(int a, size_t i, const Step& s) {
    if (s.op != Op::queue_wait) {
        (void)act(a, {s.op == Op::wake_one ? Action::wake_one : Action::wake_all, 0});
        return;
    }
    bool forever;
    Timeout t = timeout(a, s, -1, &forever);
    model_.call(a, Kind::queue, 0, t.deadline);
    Mark mk = mark();
    Status got = world_.queue.wait(t);
    after(a, i, mk, got);
}

void Run::any_step(int a, size_t i, const Step& s) {
    uint32_t out[max_sources] = {untouched, untouched, untouched, untouched};
    Source sources[max_sources];
    for (unsigned k = 0; k < s.source_count; ++k) sources[k] = world_.source(s.sources[k], out[k]);
    bool forever;
    Timeout t = timeout(a, s, -1, &forever);
    model_.call(a, Kind::any, 0, t.deadline, 0, s.sources, s.source_count);
    Mark mk = mark();
    Result<unsigned> r = any(t, sources, s.source_count);
    int fired = r.ok() ? int(*r) : -1;
    if (!checks_.expect(fired < int(s.source_count), "wait_any fired source %d of %u", fired, s.source_count))
        fired = -1;
    unsigned n = fired >= 0 ? s.sources[fired] : 0;
    uint32_t item = fired >= 0 && n >= 4 ? out[fired] : 0;
    after(a, i, mk, r.status(), item, fired);
    for (unsigned k = 0; k < s.source_count; ++k)
        checks_.expect(int(k) == fired || out[k] == untouched,
                       "wait_any received into source %u, which did not fire", k);
    if (fired < 0) return;
    if (n >= 2 && n < 4) ledger_.taken(n - 2);
    if (n >= 4) ledger_.received(a, n - 4, item);
}

void Run::time_step(int a, size_t i, const Step& s) {
    Tick t0 = now();
    switch (s.op) {
    case Op::sleep_for: {
        model_.call(a, Kind::sleep, 0, t0 + s.ticks);
        Mark mk = mark();
        if (s.alt)
            sleep_for(std::chrono::microseconds(s.ticks));
        else
            sleep_for(Tick{s.ticks});
        after(a, i, mk, Status::ok);
        break;
    }
    case Op::sleep_until: {
        bool forever;
        Step finite = s;
        if (s.when == When::forever) finite.when = When::until;
        Tick deadline = timeout(a, finite, -1, &forever).deadline;
        model_.call(a, Kind::sleep, 0, deadline);
        Mark mk = mark();
        if (s.alt)
            sleep_until(Clock::time_point(Clock::duration(static_cast<int64_t>(deadline))));
        else
            sleep_until(deadline);
        after(a, i, mk, Status::ok);
        break;
    }
    case Op::yield: yield(); break;
    default:
        port_host_advance(s.ticks);
        checks_.at(i, a);
        checks_.expect(now() == t0 + s.ticks, "port_host_advance(%u) moved the clock from %llu to %llu",
                       s.ticks, static_cast<unsigned long long>(t0), static_cast<unsigned long long>(now()));
        break;
    }
}

void Run::irq_step(int a, size_t i, const Step& s) {
    unsigned line = s.object;
    Tick t = now();
    Tick at = t;
    if (s.op == Op::irq_at) {
        if (!model_.can_schedule()) return checks_.note("  skipped: 16 interrupts are due");  // all it holds
        at = s.when == When::past  ? (t >= s.ticks ? t - s.ticks : 0)
             : s.when == When::tie ? model_.tie(s.ticks, t + s.ticks)
                                   : t + s.ticks;
    }
    unsigned before = handled_[line];
    if (at > t) {
        model_.scheduled(line, at);
        port_host_irq_at(line, at);
        checks_.at(i, a);
        checks_.expect(handled_[line] == before, "line %u, due at %llu, fired at once", line,
                       static_cast<unsigned long long>(at));
        return;
    }
    // Due now: taken at once, inside the call, since interrupts are unmasked here.
    model_.raising(int(line));
    raising_ = int(line);
    if (s.op == Op::raise)
        port_host_irq_raise(line);
    else
        port_host_irq_at(line, at);
    raising_ = -1;
    model_.raising(-1);
    checks_.at(i, a);
    checks_.expect(handled_[line] == before + 1, "raising line %u ran its handler %u times", line,
                   handled_[line] - before);
}

}  // namespace weft::model
