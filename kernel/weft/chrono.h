// weft::Clock, a std::chrono clock over the kernel's ticks, for code that has <chrono>.
#pragma once

#include <chrono>

#include "time.h"

namespace weft {

struct Clock {
    using rep = int64_t;
    using period = std::ratio<1, PORT_TICK_HZ>;
    using duration = std::chrono::duration<rep, period>;
    using time_point = std::chrono::time_point<Clock>;
    static constexpr bool is_steady = true;

    // The current time as a chrono time point.
    static time_point now() { return time_point(duration(static_cast<rep>(weft::now()))); }
};

// Gives up at a time point of weft::Clock.
inline Timeout until(Clock::time_point t) {
    return Timeout(t.time_since_epoch().count() < 0 ? 0 : static_cast<Tick>(t.time_since_epoch().count()));
}

// Blocks the calling coroutine until `t`.
inline void sleep_until(Clock::time_point t) { sleep_until(until(t).deadline); }

}  // namespace weft
