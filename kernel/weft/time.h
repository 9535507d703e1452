// Time: a 64-bit monotonic tick count, deadlines, sleeping. Works with std::chrono durations
// without including <chrono> (some target toolchains have no C++ library); weft/chrono.h adds a Clock.
#pragma once

#include <stdint.h>

#include "port.h"

namespace weft {

using Tick = uint64_t;

// Ticks per second: a board constant.
inline constexpr Tick tick_hz = PORT_TICK_HZ;

// Ticks since boot. Never wraps: 64 bits at 1 GHz last 584 years.
inline Tick now() { return port_ticks(); }

// Converts a duration (std::chrono or anything with count() and a period ratio) to ticks,
// rounding up so a wait is never shorter than asked; saturates instead of overflowing.
template <class Duration>
constexpr Tick to_ticks(Duration d) {
    using P = typename Duration::period;
    if (d.count() <= 0) return 0;
    const auto count = static_cast<uint64_t>(d.count());
    const uint64_t num = static_cast<uint64_t>(P::num) * tick_hz;
    const uint64_t den = static_cast<uint64_t>(P::den);
    if (count > UINT64_MAX / num) return UINT64_MAX / den;
    return (count * num + den - 1) / den;
}

// Converts ticks to a duration type (std::chrono or similar), rounding down.
template <class Duration>
constexpr Duration from_ticks(Tick t) {
    using P = typename Duration::period;
    using Rep = typename Duration::rep;
    return Duration(static_cast<Rep>(t * P::den / (static_cast<uint64_t>(P::num) * tick_hz)));
}

// When a blocking call gives up: an absolute deadline in ticks.
struct Timeout {
    Tick deadline;

    // A timeout `d` from now; any std::chrono duration converts.
    template <class Duration, class = decltype(Duration::period::num), class = decltype(Duration().count())>
    Timeout(Duration d) : deadline(after(to_ticks(d))) {}
    constexpr explicit Timeout(Tick absolute) : deadline(absolute) {}

    // The deadline `ticks` from now, saturating at forever.
    static Tick after(Tick ticks) {
        Tick t = now();
        return ticks > UINT64_MAX - t ? UINT64_MAX : t + ticks;
    }
};

// Never give up.
inline constexpr Timeout forever{UINT64_MAX};

// Gives up `ticks` from now.
inline Timeout within(Tick ticks) { return Timeout(Timeout::after(ticks)); }

// Gives up at tick `deadline`.
inline constexpr Timeout until(Tick deadline) { return Timeout(deadline); }

// Blocks the calling coroutine until `deadline`; a deadline already past yields, like sleep_for(0).
void sleep_until(Tick deadline);

// Blocks the calling coroutine for at least `ticks`; sleep_for(0) is a yield to the other ready ones.
inline void sleep_for(Tick ticks) { sleep_until(Timeout::after(ticks)); }

// The same with a std::chrono duration.
template <class Duration, class = decltype(Duration::period::num)>
void sleep_for(Duration d) {
    sleep_for(to_ticks(d));
}

}  // namespace weft
