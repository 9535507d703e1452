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

namespace detail {

constexpr uint64_t gcd(uint64_t a, uint64_t b) {
    while (b != 0) {
        uint64_t r = a % b;
        a = b;
        b = r;
    }
    return a;
}

// Ticks per count of a duration with period Num/Den seconds, at Hz ticks per second, as the
// reduced fraction num/den. Reduced at compile time so that the run-time arithmetic below never
// overflows where the true result fits: a naive count * Num * Hz / Den overflows within minutes
// of nanoseconds at tens of MHz.
template <uint64_t Num, uint64_t Den, uint64_t Hz>
struct TickRatio {
    static_assert(Num > 0 && Den > 0 && Hz > 0, "a period and a tick rate are positive");
    static constexpr uint64_t g1 = gcd(Num, Den);
    static constexpr uint64_t g2 = gcd(Hz, Den / g1);
    static constexpr uint64_t num = Num / g1 * (Hz / g2);
    static constexpr uint64_t den = Den / g1 / g2;
    static_assert(num / (Hz / g2) == Num / g1, "period times tick rate exceeds 64 bits");
    // x * n / d is computed as (x / d) * n + (x % d) * n / d; the second product must fit.
    static_assert((den - 1) <= (UINT64_MAX - (den - 1)) / num && (num - 1) <= (UINT64_MAX - (num - 1)) / den,
                  "period and tick rate too far apart to convert exactly in 64 bits");
};

// x * n / d, rounded up or down, or UINT64_MAX when the result does not fit in 64 bits.
// (d - 1) * n and (n - 1) * d must fit (TickRatio checks).
constexpr uint64_t scale(uint64_t x, uint64_t n, uint64_t d, bool up) {
    const uint64_t q = x / d;
    const uint64_t r = x % d;
    const uint64_t rest = (r * n + (up ? d - 1 : 0)) / d;
    if (q > (UINT64_MAX - rest) / n) return UINT64_MAX;
    return q * n + rest;
}

// The largest value of an integer Rep, as uint64_t.
template <class Rep>
constexpr uint64_t rep_max() {
    constexpr unsigned bits = 8 * sizeof(Rep) - (Rep(-1) < Rep(0) ? 1 : 0);
    return bits >= 64 ? UINT64_MAX : (uint64_t{1} << bits) - 1;
}

}  // namespace detail

// Converts a duration (std::chrono or anything with count() and a period ratio) to ticks at
// `Hz` per second (the board's rate unless given), rounding up so a wait is never shorter than
// asked; a duration too long for 64 bits of ticks becomes UINT64_MAX, which is forever.
template <class Duration, Tick Hz = tick_hz>
constexpr Tick to_ticks(Duration d) {
    using P = typename Duration::period;
    using R = detail::TickRatio<static_cast<uint64_t>(P::num), static_cast<uint64_t>(P::den), Hz>;
    if (d.count() <= 0) return 0;
    return detail::scale(static_cast<uint64_t>(d.count()), R::num, R::den, true);
}

// Converts ticks at `Hz` per second (the board's rate unless given) to a duration type (std::chrono
// or similar), rounding down; saturates at the largest count the duration's rep holds.
template <class Duration, Tick Hz = tick_hz>
constexpr Duration from_ticks(Tick t) {
    using P = typename Duration::period;
    using Rep = typename Duration::rep;
    using R = detail::TickRatio<static_cast<uint64_t>(P::num), static_cast<uint64_t>(P::den), Hz>;
    const uint64_t count = detail::scale(t, R::den, R::num, false);
    constexpr uint64_t most = detail::rep_max<Rep>();
    return Duration(static_cast<Rep>(count > most ? most : count));
}

// When a blocking call gives up: an absolute deadline in ticks.
struct Timeout {
    Tick deadline;

    // A timeout `d` from now; any std::chrono duration converts.
    template <class Duration, class = decltype(Duration::period::num), class = decltype(Duration().count())>
    Timeout(Duration d) : deadline(after(to_ticks(d))) {}
    constexpr explicit Timeout(Tick absolute) : deadline(absolute) {}

    // Whether the deadline has come, for code that polls instead of blocking (never, for forever).
    bool passed() const { return now() >= deadline; }

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
