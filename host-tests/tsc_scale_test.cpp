// The x86 port's TSC scaling (arch/x86/tsc_scale.h): a deadline programmed as TSC cycles from now
// must never fire before the port's ticks reach it, and only a few ticks after, at every rate a PC's
// TSC may have and however long the machine has been up; the i386 build checks the arithmetic
// without a 128-bit type.
#include <gtest/gtest.h>

#include "x86/tsc_scale.h"

using x86::TscScale;

namespace {

constexpr uint64_t tick_hz = 1000000000;
// Rates measured against the PIT land just off round numbers, on either side of 1 GHz.
constexpr uint64_t rates[] = {100000000, 499990000, 999950000, 1000000000, 1000050000,
                              2096043000, 2800000000, 3000000000, 4700000000, 5500000000};
constexpr uint64_t day = 86400;

// TSC values: just booted, and up for a second, a day, a month, a year, ten years.
std::vector<uint64_t> uptimes(uint64_t hz) {
    return {0, 12345, hz, hz * day + 777, hz * 30 * day + 3, hz * 365 * day + 99991, hz * 3650 * day};
}

// Deadlines ahead of now's ticks, in ticks: none (already due), one tick, a microsecond to an
// hour, and the far ones that are armed in steps.
constexpr uint64_t aheads[] = {0, 1, 2, 999, 1000, 1000000, 1000000000, 3600 * tick_hz, uint64_t{1} << 41};

}  // namespace

TEST(TscScale, ADeadlineIsNeverProgrammedEarlyAndOnlyATickOrTwoLate) {
    for (uint64_t hz : rates) {
        const TscScale s = TscScale::of(hz, tick_hz);
        // Ticks per TSC cycle, rounded up: how late the rounding to whole cycles may make a wake-up.
        const uint64_t per_cycle = (tick_hz + hz - 1) / hz;
        for (uint64_t now : uptimes(hz)) {
            for (uint64_t ahead : aheads) {
                const uint64_t deadline = s.ticks(now) + ahead;
                const uint64_t target = now + s.cycles_until(now, deadline);
                const uint64_t at = s.ticks(target);
                SCOPED_TRACE(testing::Message() << "rate " << hz << " Hz, TSC " << now << ", " << ahead << " ticks ahead");
                if (ahead >= TscScale::far_ticks) {
                    // Armed in steps: this one interrupts early, but a whole step on.
                    EXPECT_LT(at, deadline);
                    EXPECT_GE(at - s.ticks(now), TscScale::far_ticks);
                } else {
                    EXPECT_GE(at, deadline);
                    EXPECT_LE(at - deadline, 2 * per_cycle + 1);
                }
            }
        }
    }
}

TEST(TscScale, ADeadlineAlreadyPastIsProgrammedAtOnce) {
    const TscScale s = TscScale::of(2800000000, tick_hz);
    const uint64_t now = 2800000000ull * 30 * day;
    EXPECT_EQ(s.cycles_until(now, s.ticks(now) - 1000), 1u);
    EXPECT_EQ(s.cycles_until(now, 0), 1u);
}

TEST(TscScale, ANeverDeadlineStepsWithoutOverflow) {
    for (uint64_t hz : rates) {
        const TscScale s = TscScale::of(hz, tick_hz);
        const uint64_t now = hz * 365 * day;
        const uint64_t cycles = s.cycles_until(now, UINT64_MAX - 1);
        EXPECT_GE(s.ticks(now + cycles) - s.ticks(now), TscScale::far_ticks) << hz;
    }
}

TEST(TscScale, TicksKeepTheTickRateToAPartPerMillion) {
    for (uint64_t hz : rates) {
        const TscScale s = TscScale::of(hz, tick_hz);
        const uint64_t hour = s.ticks(hz * 3600);
        const uint64_t want = 3600 * tick_hz;
        EXPECT_LE(want - hour, want / 1000000) << hz;  // rounded down, never fast
        EXPECT_LE(hour, want) << hz;
    }
}

TEST(TscScale, TheI386ScaleIsTheExactProductsMiddleBits) {
    // (v * f) >> 32 modulo 2^64, from the parts, against the product written out by hand.
    EXPECT_EQ(x86::scale(uint64_t{1} << 63, uint64_t{1} << 33), 0u);  // 2^64 wraps to 0
    EXPECT_EQ(x86::scale(0xFFFFFFFFFFFFFFFFull, 1ull << 32), 0xFFFFFFFFFFFFFFFFull);
    EXPECT_EQ(x86::scale(0x123456789ull, 0x180000000ull), 0x123456789ull + (0x123456789ull >> 1));
    EXPECT_EQ(x86::scale(3, 0x80000000ull), 1u);  // 1.5 rounded down
}
