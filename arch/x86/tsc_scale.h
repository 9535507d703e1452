// The TSC's cycles as the port's ticks and back (time_tsc_apic.cpp), in fixed point with 32 bits
// after the point, found once from the measured rate. Separate from the timer so the host's tests
// check the arithmetic at every rate and TSC value a PC may have.
#pragma once

#include <stdint.h>

namespace x86 {

// (value * fraction) >> 32, modulo 2^64, without a 128-bit type on i386.
constexpr uint64_t scale(uint64_t value, uint64_t fraction) {
#if defined(__x86_64__)
    return static_cast<uint64_t>((static_cast<unsigned __int128>(value) * fraction) >> 32);
#else
    uint64_t v_lo = static_cast<uint32_t>(value), v_hi = value >> 32;
    uint64_t f_lo = static_cast<uint32_t>(fraction), f_hi = fraction >> 32;
    return ((v_hi * f_hi) << 32) + v_hi * f_lo + v_lo * f_hi + ((v_lo * f_lo) >> 32);
#endif
}

// `num` / `den` (den below 2^63, the quotient below 2^32) as a fraction with 32 bits after the
// point, rounded up when asked: a bit at a time, since (num % den) << 32 overflows for rates above
// 4 GHz.
constexpr uint64_t fraction(uint64_t num, uint64_t den, bool up) {
    uint64_t q = num / den, r = num % den;
    for (int bit = 0; bit < 32; ++bit) {
        r <<= 1;
        q <<= 1;
        if (r >= den) {
            r -= den;
            q |= 1;
        }
    }
    return q + (up && r != 0);
}

struct TscScale {
    // Ticks ahead beyond which a deadline is armed in steps: about 18 minutes at 1 GHz, far below
    // where the scaling could overflow.
    static constexpr uint64_t far_ticks = uint64_t{1} << 40;

    // ticks = tsc * to_ticks >> 32, rounded down; cycles for a span of ticks = ticks * to_tsc >> 32,
    // to_tsc being to_ticks's inverse rounded up, so a deadline is never programmed early.
    uint64_t to_ticks, to_tsc;

    // The scaling for a TSC of `tsc_hz` and ticks of `tick_hz`.
    static constexpr TscScale of(uint64_t tsc_hz, uint64_t tick_hz) {
        uint64_t to_ticks = fraction(tick_hz, tsc_hz, false);
        return {to_ticks, fraction(uint64_t{1} << 32, to_ticks, true)};
    }

    // The ticks at TSC value `tsc`.
    constexpr uint64_t ticks(uint64_t tsc) const { return scale(tsc, to_ticks); }

    // The TSC cycles from `now` to program the timer for, so that it fires once ticks() reaches
    // `deadline` and not before, or (deadline beyond far_ticks) early, to be armed again then.
    constexpr uint64_t cycles_until(uint64_t now, uint64_t deadline) const {
        uint64_t at = ticks(now), ahead = deadline <= at ? 0 : deadline - at;
        return scale(ahead < far_ticks ? ahead : far_ticks, to_tsc) + 1;
    }
};

}  // namespace x86
