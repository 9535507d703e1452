// What the soak's parts share: its figures, the first failed check, the switch count that ends the
// run, and a small random generator, so that every coroutine's choices are the same in every run.
#pragma once

#include <stdint.h>

#include "weft/weft.h"

#ifndef SOAK_STACK
#error "SOAK_STACK: bytes of stack per workload coroutine (the Makefile's)"
#endif

namespace soak {

// What the run did, printed at the end. Each count is of calls made, or of bytes.
struct Figures {
    uint32_t switches;     // a coroutine found that another one ran since it last did
    uint32_t timed_waits;  // blocking calls with a deadline
    uint32_t timeouts;     // ... that ended at it
    uint32_t wakes;        // ... that something else ended first
    uint32_t sleeps;
    uint32_t spawns;       // coroutines started in the transient pool
    uint32_t refused;      // spawns the full pool said exhausted to
    uint32_t items;        // channel items received, each in its sender's order
    uint32_t locks;        // mutex, semaphore and rwlock sections entered
    uint32_t watches;      // walks of every coroutine's state and stack
    uint32_t uart_bytes;   // bytes read from the host's stream
};

extern Figures figures;

// Switches after which the workload winds down: SWITCHES, built into the image (length.cpp).
extern const uint32_t switches_wanted;

// Set once switches_wanted is reached or a check fails: every loop ends at its next turn.
extern bool stopping;

// The first failed check's message (a literal), nullptr while all hold; and how many failed.
extern const char* first_failure;
extern uint32_t failures;

// Records `what` as failed unless `ok`, and stops the run; returns `ok`.
bool check(bool ok, const char* what);

// Called by every coroutine after each call that may switch: counts a switch when the coroutine
// that ran last was another one. A lower bound of the kernel's switches: returns to the scheduler
// and back to the same coroutine are not seen.
extern const weft::Coroutine* last_seen;
inline void note() {
    const weft::Coroutine* me = weft::self();
    if (me == last_seen) return;
    last_seen = me;
    if (++figures.switches >= switches_wanted) stopping = true;
}

// xorshift32: a seed gives the same choices on every board.
class Rng {
public:
    explicit Rng(uint32_t seed) : state_(seed != 0 ? seed : 0x9E3779B9u) {}
    // The next value, uniformly in [0, n), n > 0.
    uint32_t below(uint32_t n) {
        state_ ^= state_ << 13;
        state_ ^= state_ >> 17;
        state_ ^= state_ << 5;
        return state_ % n;
    }

private:
    uint32_t state_;
};

// Ticks in `us` microseconds, never 0 at any board's rate.
inline weft::Tick micros(uint32_t us) {
    weft::Tick t = weft::tick_hz * us / 1000000;
    return t != 0 ? t : 1;
}

// A timed wait's outcome: counted, and checked never to end at its deadline before it.
bool timed(weft::Status s, weft::Tick deadline);

// The objects the coroutines share, in the parts that use them (crew.cpp, timing.cpp).
extern weft::Mutex mutex;
extern weft::Semaphore tokens;   // `token_count` units, each held by one coroutine at a time
inline constexpr uint32_t token_count = 3;
extern weft::RwLock rwlock;
extern weft::Event ticker;       // auto-reset, set now and then by the timekeeper
extern weft::Semaphore pings;    // given by the timekeeper, taken by the consumer's wait_any
extern uint32_t pings_given, pings_taken;

// The coroutines, each one concept's workload.
void producer(void* id);      // channel.cpp
void consumer(void*);         // channel.cpp
void locker(void* seed);      // locker.cpp
void section(Rng& rng);       // locker.cpp: one of the locker's sections, for the transient coroutines
void timekeeper(void*);       // timing.cpp
void pinger(void*);           // timing.cpp
void spawner(void*);          // spawner.cpp
void reader(void*);           // uart_load.cpp
void watcher(void*);          // watcher.cpp

// The end-of-run checks of each part, from main() after run().
void channel_end();
void locker_end();
void timing_end();
void spawner_end();
void watcher_end();

// The UART's part outside run(): asks the host for its stream before the workload starts; at the
// end, drains the ring and checks that every byte received was read in order.
void uart_start();
void uart_end();

}  // namespace soak
