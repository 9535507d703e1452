// A random program for the model-based test: a few coroutine scripts over shared objects, drawn
// from a seed. The steps form one list, each naming the script it belongs to, so that any prefix
// of the list is a program too: that is how a failure is shrunk.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <string>
#include <vector>

namespace weft::model {

inline constexpr unsigned mutex_count = 2;
inline constexpr unsigned semaphore_count = 2;
inline constexpr unsigned event_count = 2;  // event 0 resets by hand, event 1 by itself
inline constexpr unsigned channel_count = 2;
inline constexpr unsigned channel_capacity[channel_count] = {1, 3};
inline constexpr unsigned line_count = 4;  // fake interrupt lines 0 to 3
inline constexpr unsigned pool_count = 3;
inline constexpr unsigned pool_capacity[pool_count] = {3, 2, 1};
inline constexpr unsigned max_scripts = 8;
// wait_any sources by number: events 0-1, semaphores 2-3, channels 4-5.
inline constexpr unsigned source_kinds = 6;
inline constexpr unsigned max_sources = 4;

enum class Op : uint8_t {
    lock,
    try_lock,
    unlock,
    take,
    try_take,
    give,
    wait,
    try_wait,
    set,
    clear,
    read_lock,
    try_read_lock,
    write_lock,
    try_write_lock,
    rw_unlock,
    upgrade,
    try_upgrade,
    downgrade,
    send,
    try_send,
    receive,
    try_receive,
    queue_wait,
    wake_one,
    wake_all,
    wait_any,
    sleep_for,
    sleep_until,
    yield,
    advance,
    raise,
    irq_at,
    spawn,
    inspect,
};

// How a step's timeout (or its sleep's or interrupt's time) is given.
enum class When : uint8_t {
    forever,  // none; a lock falls back to `ticks` where waiting for ever could close a cycle
    within,   // within(ticks)
    until,    // until(now + ticks)
    past,     // until(a tick already past): gives up at once unless it can complete
    chrono,   // a std::chrono duration of `ticks` microseconds
    tie,      // the deadline of another pending wait or interrupt, to land on the same tick
};

struct Step {
    uint8_t actor;  // the script it belongs to
    Op op;
    uint8_t object;  // the mutex, semaphore, event, channel, interrupt line or child script
    When when;
    uint16_t ticks;
    uint8_t sources[max_sources];  // wait_any: source numbers, in the order given
    uint8_t source_count;
    bool alt;  // the call's other form: take() for take(forever), a chrono sleep, ...
};

// What an interrupt line's handler does, on which object.
enum class Action : uint8_t {
    give,
    try_take,
    set,
    clear,
    try_wait,
    try_send,
    try_receive,
    wake_one,
    wake_all
};
inline constexpr unsigned action_kinds = 9;

struct Handler {
    Action action;
    uint8_t object;
};

struct Script {
    uint8_t pool;
    bool named;
    bool initial;  // spawned by main before run(); the others by a spawn step of an earlier script
};

struct Program {
    uint64_t seed;
    uint64_t start;  // the fake clock when it starts
    uint32_t initial[semaphore_count];
    std::vector<Script> scripts;
    Handler handlers[line_count];
    std::vector<Step> steps;
};

// The program a seed gives.
Program generate(uint64_t seed);

// The program a fuzzer's input gives: every input is one, the empty input the shortest.
Program decode(const uint8_t* data, size_t size);
constexpr uint64_t fuzz_input = UINT64_MAX;  // the seed a decoded program names

// The program with only its first `steps` steps.
Program prefix(const Program& p, size_t steps);

std::string describe(const Step& s);
std::string describe(Handler h);
std::string describe(const Program& p);

}  // namespace weft::model
