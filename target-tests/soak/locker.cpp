// Coroutines that take the mutex, the semaphore's units and the readers-writer lock, by every kind
// of call, and hold them across switches: one holder of the mutex, never more units out than
// there are, a writer always alone and readers never beside one. Locks are taken one at a time, so
// waits without a deadline cannot form a cycle.
#include "soak.h"

using namespace weft;

namespace soak {

Mutex mutex;
Semaphore tokens(token_count);
RwLock rwlock;

namespace {

const Coroutine* holder;  // who is inside the mutex's section, as the coroutines see it
uint32_t held;            // units of `tokens` taken and not yet given back
int32_t readers;          // coroutines inside a read section
bool writing;             // one is inside the write section

// A deadline of a few hundred microseconds, forever, or none (a try_ call): how a lock is asked for.
enum class Ask { forever, timed, now };

Ask ask(Rng& rng) { return static_cast<Ask>(rng.below(3)); }

// Stays inside a section for a few turns, letting others run and queue.
void linger(Rng& rng) {
    for (uint32_t i = rng.below(3); i > 0; --i) {
        yield();
        note();
    }
}

void mutex_section(Rng& rng) {
    Status s;
    switch (ask(rng)) {
    case Ask::forever:
        s = mutex.lock();
        check(s == Status::ok, "mutex.lock() without a deadline did not end ok");
        break;
    case Ask::timed: {
        const Tick deadline = Timeout::after(micros(10 + rng.below(300)));
        s = mutex.lock(until(deadline));
        timed(s, deadline);
        break;
    }
    default:
        s = mutex.try_lock();
        check(s == Status::ok || s == Status::would_block, "try_lock: neither ok nor would_block");
        break;
    }
    note();
    if (s != Status::ok) {
        check(mutex.owner() != self(), "a mutex not taken is owned");
        check(mutex.unlock() == Status::not_owner, "unlock by a coroutine that does not hold the mutex");
        return;
    }
    ++figures.locks;
    check(holder == nullptr, "two coroutines inside the mutex");
    holder = self();
    check(mutex.owner() == self(), "the mutex's owner is not the coroutine that took it");
    check(mutex.try_lock() == Status::deadlock, "taking a held mutex again is not a deadlock");
    linger(rng);
    check(holder == self(), "another coroutine entered the mutex");
    holder = nullptr;
    check(mutex.unlock() == Status::ok, "the holder's unlock failed");
}

void token_section(Rng& rng) {
    Status s;
    switch (ask(rng)) {
    case Ask::forever:
        s = tokens.take();
        check(s == Status::ok, "take() without a deadline did not end ok");
        break;
    case Ask::timed: {
        const Tick deadline = Timeout::after(micros(10 + rng.below(300)));
        s = tokens.take(until(deadline));
        timed(s, deadline);
        break;
    }
    default:
        s = tokens.try_take();
        check(s == Status::ok || s == Status::would_block, "try_take: neither ok nor would_block");
        break;
    }
    note();
    if (s != Status::ok) return;
    ++figures.locks;
    ++held;
    check(held + tokens.count() <= token_count, "more units out than the semaphore has");
    linger(rng);
    --held;
    check(tokens.give() == Status::ok, "giving back a unit failed");
    check(held + tokens.count() <= token_count, "more units than the semaphore was given");
}

// Inside the write section, however it was entered (write_lock, upgrade).
void write_section(Rng& rng) {
    ++figures.locks;
    check(!writing && readers == 0, "a writer beside another writer or a reader");
    check(rwlock.write_locked() && rwlock.readers() == 0, "the rwlock does not show its writer");
    writing = true;
    linger(rng);
    check(writing && readers == 0, "someone entered beside the writer");
    writing = false;
}

// Inside a read section, however it was entered (read_lock, downgrade).
void read_section(Rng& rng) {
    ++figures.locks;
    check(!writing, "a reader beside a writer");
    ++readers;
    // Readers let in but not yet run hold the lock and are not inside yet.
    check(rwlock.readers() >= readers, "the rwlock counts fewer readers than are inside");
    linger(rng);
    check(!writing, "a writer entered beside a reader");
    --readers;
}

Status rw_lock(Rng& rng, bool write) {
    switch (ask(rng)) {
    case Ask::forever: {
        Status s = write ? rwlock.write_lock() : rwlock.read_lock();
        check(s == Status::ok, "an rwlock lock without a deadline did not end ok");
        return s;
    }
    case Ask::timed: {
        const Tick deadline = Timeout::after(micros(10 + rng.below(300)));
        Status s = write ? rwlock.write_lock(until(deadline)) : rwlock.read_lock(until(deadline));
        timed(s, deadline);
        return s;
    }
    default: {
        Status s = write ? rwlock.try_write_lock() : rwlock.try_read_lock();
        check(s == Status::ok || s == Status::would_block, "an rwlock try_ call: neither ok nor would_block");
        return s;
    }
    }
}

void rw_section(Rng& rng) {
    const bool write = rng.below(2) == 0;
    Status s = rw_lock(rng, write);
    note();
    if (s != Status::ok) return;
    if (write) {
        write_section(rng);
        if (rng.below(2) == 0) {
            rwlock.downgrade();
            note();
            read_section(rng);
        }
    } else {
        read_section(rng);
        if (rng.below(3) == 0) {
            // upgrade() gives the read lock up before it may wait: this coroutine is no reader now.
            const Tick deadline = Timeout::after(micros(10 + rng.below(300)));
            const bool wait = rng.below(2) == 0;
            s = wait ? rwlock.upgrade(until(deadline)) : rwlock.try_upgrade();
            note();
            if (wait)
                timed(s, deadline);
            else
                check(s == Status::ok || s == Status::would_block, "try_upgrade: neither ok nor would_block");
            if (s == Status::timeout) return;  // gave up: holds nothing
            if (s == Status::ok)
                write_section(rng);
            else
                read_section(rng);  // try_upgrade kept the read lock
        }
    }
    check(rwlock.unlock() == Status::ok, "the rwlock's holder could not unlock it");
}

}  // namespace

void section(Rng& rng) {
    switch (rng.below(3)) {
    case 0: mutex_section(rng); break;
    case 1: token_section(rng); break;
    default: rw_section(rng); break;
    }
}

void locker(void* seed) {
    Rng rng(static_cast<uint32_t>(reinterpret_cast<uintptr_t>(seed)));
    while (!stopping) section(rng);
}

void locker_end() {
    check(mutex.owner() == nullptr && holder == nullptr, "the mutex is held at the end");
    check(held == 0 && tokens.count() == token_count, "the semaphore's units are not all back");
    check(rwlock.readers() == 0 && !rwlock.write_locked() && readers == 0 && !writing, "the rwlock is held at the end");
}

}  // namespace soak
