// Drawing a program from a seed, and printing it.
#include "program.h"

#include <stdio.h>
#include <string.h>

#include "rng.h"

namespace weft::model {

namespace {

// How often each operation is drawn, in parts of the total: waits and the calls that end them
// most, so that hand-overs, timeouts and their ties come up in small programs.
struct Weight {
    Op op;
    unsigned parts;
};

constexpr Weight weights[] = {
    {Op::lock, 8},        {Op::try_lock, 2},       {Op::unlock, 6},     {Op::take, 6},
    {Op::try_take, 2},    {Op::give, 6},           {Op::wait, 5},       {Op::try_wait, 2},
    {Op::set, 4},         {Op::clear, 2},          {Op::read_lock, 4},  {Op::try_read_lock, 1},
    {Op::write_lock, 4},  {Op::try_write_lock, 1}, {Op::rw_unlock, 5},  {Op::upgrade, 2},
    {Op::try_upgrade, 1}, {Op::downgrade, 2},      {Op::send, 5},       {Op::try_send, 2},
    {Op::receive, 5},     {Op::try_receive, 2},    {Op::queue_wait, 2}, {Op::wake_one, 2},
    {Op::wake_all, 1},    {Op::wait_any, 5},       {Op::sleep_for, 3},  {Op::sleep_until, 2},
    {Op::yield, 4},       {Op::advance, 3},        {Op::raise, 2},      {Op::irq_at, 4},
    {Op::inspect, 1},
};

Op draw_op(Rng& r) {
    unsigned total = 0;
    for (const Weight& w : weights) total += w.parts;
    unsigned pick = r.below(total);
    for (const Weight& w : weights) {
        if (pick < w.parts) return w.op;
        pick -= w.parts;
    }
    return Op::yield;
}

// Short times, so that deadlines, sleeps and interrupts meet; a tie aims at one exactly.
void draw_time(Rng& r, Step& s) {
    unsigned k = r.below(100);
    s.when = k < 25   ? When::forever
             : k < 55 ? When::within
             : k < 62 ? When::until
             : k < 68 ? When::past
             : k < 80 ? When::chrono
                      : When::tie;
    s.ticks = static_cast<uint16_t>(r.percent(8) ? 0 : 1 + r.below(40));
}

Step draw_step(Rng& r, uint8_t actor) {
    Step s{};
    s.actor = actor;
    s.op = draw_op(r);
    draw_time(r, s);
    s.alt = r.percent(50);
    switch (s.op) {
    case Op::lock:
    case Op::try_lock:
    case Op::unlock: s.object = static_cast<uint8_t>(r.below(mutex_count)); break;
    case Op::take:
    case Op::try_take:
    case Op::give: s.object = static_cast<uint8_t>(r.below(semaphore_count)); break;
    case Op::wait:
    case Op::try_wait:
    case Op::set:
    case Op::clear: s.object = static_cast<uint8_t>(r.below(event_count)); break;
    case Op::send:
    case Op::try_send:
    case Op::receive:
    case Op::try_receive: s.object = static_cast<uint8_t>(r.below(channel_count)); break;
    case Op::raise:
    case Op::irq_at: s.object = static_cast<uint8_t>(r.below(line_count)); break;
    case Op::wait_any: {
        uint8_t all[source_kinds];
        for (unsigned i = 0; i < source_kinds; ++i) all[i] = static_cast<uint8_t>(i);
        for (unsigned i = source_kinds - 1; i > 0; --i) {
            unsigned j = r.below(i + 1);
            uint8_t t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        s.source_count = static_cast<uint8_t>(1 + r.below(max_sources));
        for (unsigned i = 0; i < s.source_count; ++i) s.sources[i] = all[i];
        break;
    }
    default: break;
    }
    if (s.op == Op::advance) s.ticks = static_cast<uint16_t>(r.below(25));
    return s;
}

Handler draw_handler(Rng& r) {
    Handler h{};
    h.action = static_cast<Action>(r.below(action_kinds));
    switch (h.action) {
    case Action::give:
    case Action::try_take: h.object = static_cast<uint8_t>(r.below(semaphore_count)); break;
    case Action::set:
    case Action::clear:
    case Action::try_wait: h.object = static_cast<uint8_t>(r.below(event_count)); break;
    case Action::try_send:
    case Action::try_receive: h.object = static_cast<uint8_t>(r.below(channel_count)); break;
    default: break;
    }
    return h;
}

}  // namespace

static Program draw(Rng& r, uint64_t seed) {
    Program p{};
    p.seed = seed;
    // Now and then just below a wrap of the 32-bit counter the kernel reads the fake clock through.
    switch (r.below(4)) {
    case 0: p.start = 0; break;
    case 1: p.start = 1000 + r.below(1000); break;
    case 2: p.start = (uint64_t{1} << 32) - 1 - r.below(60); break;
    default: p.start = (uint64_t{5} << 32) - 1 - r.below(60); break;
    }
    p.initial[0] = r.below(3);
    p.initial[1] =
        r.percent(30) ? UINT32_MAX - r.below(2) : r.below(2);  // near the limit: give says exhausted
    unsigned scripts = 2 + r.below(max_scripts - 1);
    unsigned initial = 1 + r.below(scripts < 4 ? scripts : 4);
    for (unsigned i = 0; i < scripts; ++i)
        p.scripts.push_back({static_cast<uint8_t>(r.below(pool_count)), r.percent(80), i < initial});
    for (Handler& h : p.handlers) h = draw_handler(r);
    unsigned length = 6 + r.below(40);
    for (unsigned i = 0; i < length; ++i)
        p.steps.push_back(draw_step(r, static_cast<uint8_t>(r.below(scripts))));
    // Each later script is spawned by an earlier one, at a random place in the list.
    for (unsigned child = initial; child < scripts; ++child) {
        Step s{};
        s.actor = static_cast<uint8_t>(r.below(child));
        s.op = Op::spawn;
        s.object = static_cast<uint8_t>(child);
        p.steps.insert(p.steps.begin() + r.below(static_cast<unsigned>(p.steps.size()) + 1), s);
    }
    return p;
}

Program generate(uint64_t seed) {
    Rng r(seed * 0xD1342543DE82EF95ull + 0x5851F42D4C957F2Dull);
    return draw(r, seed);
}

Program decode(const uint8_t* data, size_t size) {
    Rng r(data, size);
    return draw(r, fuzz_input);
}

Program prefix(const Program& p, size_t steps) {
    Program q = p;
    if (steps < q.steps.size()) q.steps.resize(steps);
    return q;
}

namespace {

const char* op_name(Op op) {
    static const char* const names[] = {
        "lock",       "try_lock",       "unlock",    "take",        "try_take",    "give",
        "wait",       "try_wait",       "set",       "clear",       "read_lock",   "try_read_lock",
        "write_lock", "try_write_lock", "unlock",    "upgrade",     "try_upgrade", "downgrade",
        "send",       "try_send",       "receive",   "try_receive", "wait",        "wake_one",
        "wake_all",   "wait_any",       "sleep_for", "sleep_until", "yield",       "advance",
        "raise",      "irq_at",         "spawn",     "inspect",
    };
    return names[static_cast<unsigned>(op)];
}

std::string when_text(const Step& s) {
    char text[40];
    switch (s.when) {
    case When::forever: return "forever";
    case When::within: snprintf(text, sizeof text, "within(%u)", s.ticks); break;
    case When::until: snprintf(text, sizeof text, "until(now+%u)", s.ticks); break;
    case When::past: snprintf(text, sizeof text, "until(now-%u)", s.ticks); break;
    case When::chrono: snprintf(text, sizeof text, "%uus", s.ticks); break;
    case When::tie: snprintf(text, sizeof text, "tie(%u)", s.ticks); break;
    }
    return text;
}

const char* const source_names[source_kinds] = {"event 0",     "event 1",   "semaphore 0",
                                                "semaphore 1", "channel 0", "channel 1"};

}  // namespace

std::string describe(const Step& s) {
    char text[160];
    const char* op = op_name(s.op);
    unsigned o = s.object;
    std::string w = when_text(s);
    bool lock = s.op == Op::lock || s.op == Op::read_lock || s.op == Op::write_lock || s.op == Op::upgrade;
    // A lock waits for ever only up the lock order (mutex 0, mutex 1, rwlock); else this long.
    if (lock && s.when == When::forever) w += " (within(" + std::to_string(s.ticks) + ") out of lock order)";
    // The other form of a wait for ever: the overload without a timeout.
    bool bare = s.alt && s.when == When::forever && s.op != Op::wait_any && s.op != Op::queue_wait;
    const char* args = bare ? "" : w.c_str();
    switch (s.op) {
    case Op::lock: snprintf(text, sizeof text, "mutex %u.lock(%s)", o, args); break;
    case Op::take: snprintf(text, sizeof text, "semaphore %u.take(%s)", o, args); break;
    case Op::wait: snprintf(text, sizeof text, "event %u.wait(%s)", o, args); break;
    case Op::try_lock:
    case Op::unlock: snprintf(text, sizeof text, "mutex %u.%s()", o, op); break;
    case Op::try_take:
    case Op::give: snprintf(text, sizeof text, "semaphore %u.%s()", o, op); break;
    case Op::try_wait:
    case Op::set:
    case Op::clear: snprintf(text, sizeof text, "event %u.%s()", o, op); break;
    case Op::read_lock:
    case Op::write_lock:
    case Op::upgrade: snprintf(text, sizeof text, "rwlock.%s(%s)", op, w.c_str()); break;
    case Op::try_read_lock:
    case Op::try_write_lock:
    case Op::rw_unlock:
    case Op::try_upgrade:
    case Op::downgrade: snprintf(text, sizeof text, "rwlock.%s()", op); break;
    case Op::send:
    case Op::receive: snprintf(text, sizeof text, "channel %u.%s(%s)", o, op, args); break;
    case Op::try_send:
    case Op::try_receive: snprintf(text, sizeof text, "channel %u.%s()", o, op); break;
    case Op::queue_wait: snprintf(text, sizeof text, "queue.wait(%s)", w.c_str()); break;
    case Op::wake_one:
    case Op::wake_all: snprintf(text, sizeof text, "queue.%s()", op); break;
    case Op::wait_any: {
        std::string list;
        for (unsigned i = 0; i < s.source_count; ++i)
            list += std::string(i ? ", " : "") + source_names[s.sources[i]];
        snprintf(text, sizeof text, "wait_any(%s; %s)", w.c_str(), list.c_str());
        break;
    }
    case Op::sleep_for: snprintf(text, sizeof text, "sleep_for(%u%s)", s.ticks, s.alt ? "us" : ""); break;
    case Op::sleep_until:
        snprintf(text, sizeof text, "sleep_until(%s%s)", s.when == When::forever ? "now+" : "",
                 s.when == When::forever ? std::to_string(s.ticks).c_str() : w.c_str());
        if (s.alt) strcat(text, " as a Clock time point");
        break;
    case Op::advance: snprintf(text, sizeof text, "port_host_advance(%u)", s.ticks); break;
    case Op::raise: snprintf(text, sizeof text, "port_host_irq_raise(%u)", o); break;
    case Op::irq_at:
        snprintf(text, sizeof text, "port_host_irq_at(%u, %s)", o,
                 s.when == When::forever ? ("now+" + std::to_string(s.ticks)).c_str() : w.c_str());
        break;
    case Op::spawn: snprintf(text, sizeof text, "spawn c%u", o); break;
    case Op::inspect: snprintf(text, sizeof text, "for_each_coroutine()%s", s.alt ? ", report()" : ""); break;
    default: snprintf(text, sizeof text, "%s()", op); break;
    }
    char line[200];
    snprintf(line, sizeof line, "c%u: %s", s.actor, text);
    return line;
}

std::string describe(Handler h) {
    static const char* const actions[] = {"give",     "try_take",    "set",      "clear",   "try_wait",
                                          "try_send", "try_receive", "wake_one", "wake_all"};
    static const char* const objects[] = {"semaphore", "semaphore", "event", "event", "event",
                                          "channel",   "channel",   "queue", "queue"};
    unsigned a = static_cast<unsigned>(h.action);
    char text[48];
    if (h.action == Action::wake_one || h.action == Action::wake_all)
        snprintf(text, sizeof text, "queue.%s()", actions[a]);
    else
        snprintf(text, sizeof text, "%s %u.%s()", objects[a], h.object, actions[a]);
    return text;
}

std::string describe(const Program& p) {
    std::string out;
    char line[200];
    if (p.seed == fuzz_input)
        out += "fuzz input: ";
    else
        out += "seed " + std::to_string(p.seed) + ": ";
    snprintf(line, sizeof line, "clock from %llu, semaphores from %u and %u\n",
             static_cast<unsigned long long>(p.start), p.initial[0], p.initial[1]);
    out += line;
    for (size_t i = 0; i < p.scripts.size(); ++i) {
        const Script& s = p.scripts[i];
        snprintf(line, sizeof line, "  c%zu: pool %u%s%s\n", i, s.pool, s.named ? "" : ", unnamed",
                 s.initial ? ", spawned by main" : "");
        out += line;
    }
    for (unsigned l = 0; l < line_count; ++l) {
        snprintf(line, sizeof line, "  line %u: %s\n", l, describe(p.handlers[l]).c_str());
        out += line;
    }
    for (size_t i = 0; i < p.steps.size(); ++i) {
        snprintf(line, sizeof line, "  %3zu  %s\n", i, describe(p.steps[i]).c_str());
        out += line;
    }
    return out;
}

}  // namespace weft::model
