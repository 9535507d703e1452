// Duration to tick conversions at every tick rate a board uses, at the limits of 64 bits, checked
// against 128-bit arithmetic, which the 32-bit build (VARIANT=i386) lacks: there the file is empty,
// and the 64-bit builds check the same code.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <limits>

#include "weft/time.h"

#if defined(__SIZEOF_INT128__)
using namespace weft;
using namespace std::chrono;

namespace {

using u128 = unsigned __int128;
constexpr uint64_t forever_ticks = UINT64_MAX;

// ceil(count * num / den) in 128 bits, saturated to 64.
uint64_t ticks_wanted(uint64_t count, u128 num, u128 den) {
    u128 t = (u128{count} * num + den - 1) / den;
    return t > UINT64_MAX ? UINT64_MAX : static_cast<uint64_t>(t);
}

// floor(ticks * den / num) in 128 bits, saturated to `most`.
uint64_t count_wanted(uint64_t ticks, u128 num, u128 den, uint64_t most) {
    u128 c = u128{ticks} * den / num;
    return c > most ? most : static_cast<uint64_t>(c);
}

template <class D, Tick Hz>
void check_to_ticks(uint64_t count) {
    using P = typename D::period;
    const u128 num = u128{static_cast<uint64_t>(P::num)} * Hz;
    const u128 den = static_cast<uint64_t>(P::den);
    EXPECT_EQ((to_ticks<D, Hz>(D(static_cast<typename D::rep>(count)))), ticks_wanted(count, num, den))
        << count << " counts of " << P::num << "/" << P::den << " s at " << Hz << " Hz";
}

template <class D, Tick Hz>
void check_from_ticks(uint64_t ticks) {
    using P = typename D::period;
    const u128 num = u128{static_cast<uint64_t>(P::num)} * Hz;
    const u128 den = static_cast<uint64_t>(P::den);
    const uint64_t most = static_cast<uint64_t>(std::numeric_limits<typename D::rep>::max());
    EXPECT_EQ(static_cast<uint64_t>((from_ticks<D, Hz>(ticks)).count()), count_wanted(ticks, num, den, most))
        << ticks << " ticks at " << Hz << " Hz to " << P::num << "/" << P::den << " s";
}

// Counts around every place where the arithmetic could go wrong: small values, the point where
// count * num would overflow 64 bits, the point where the result itself stops fitting, the top.
template <class D, Tick Hz>
void check_duration() {
    using P = typename D::period;
    const u128 num = u128{static_cast<uint64_t>(P::num)} * Hz;
    const u128 den = static_cast<uint64_t>(P::den);
    const uint64_t top = static_cast<uint64_t>(std::numeric_limits<typename D::rep>::max());
    const uint64_t product_limit = static_cast<uint64_t>(u128{UINT64_MAX} / num);
    const u128 fit = u128{UINT64_MAX} * den / num;
    const uint64_t result_limit = fit > top ? top : static_cast<uint64_t>(fit);
    for (uint64_t base : {uint64_t{1}, uint64_t{999}, uint64_t{1000000007}, product_limit, result_limit, top})
        for (uint64_t delta : {uint64_t{0}, uint64_t{1}, uint64_t{2}}) {
            if (base > top) continue;
            if (base >= delta) check_to_ticks<D, Hz>(base - delta);
            if (base <= top - delta) check_to_ticks<D, Hz>(base + delta);
        }
    const uint64_t tick_limit = static_cast<uint64_t>(u128{static_cast<uint64_t>(top)} * num / den > UINT64_MAX
                                                          ? UINT64_MAX
                                                          : u128{static_cast<uint64_t>(top)} * num / den);
    for (uint64_t t : {uint64_t{0}, uint64_t{1}, uint64_t{Hz - 1}, uint64_t{Hz}, uint64_t{1} << 40,
                       UINT64_MAX / den > 0 ? static_cast<uint64_t>(UINT64_MAX / den) : 1, tick_limit - 1, tick_limit,
                       UINT64_MAX - 1, UINT64_MAX})
        check_from_ticks<D, Hz>(t);
}

template <Tick Hz>
void check_rate() {
    check_duration<nanoseconds, Hz>();
    check_duration<microseconds, Hz>();
    check_duration<milliseconds, Hz>();
    check_duration<seconds, Hz>();
    check_duration<minutes, Hz>();
    check_duration<hours, Hz>();
    check_duration<duration<int32_t, std::milli>, Hz>();
    check_duration<duration<int64_t, std::ratio<1, 3>>, Hz>();
    check_duration<duration<uint64_t, std::nano>, Hz>();

    // What a firmware engineer writes: long waits are as long as asked, in any unit.
    EXPECT_EQ((to_ticks<nanoseconds, Hz>(hours(10))), 36000 * Hz);
    EXPECT_EQ((to_ticks<nanoseconds, Hz>(steady_clock::duration::max())), ticks_wanted(INT64_MAX, Hz, 1000000000));
    EXPECT_EQ((to_ticks<hours, Hz>(hours::max())), forever_ticks);
    EXPECT_EQ((from_ticks<nanoseconds, Hz>(36000 * Hz)), hours(10));
    EXPECT_EQ((from_ticks<nanoseconds, Hz>(UINT64_MAX)).count(),
              static_cast<int64_t>(count_wanted(UINT64_MAX, Hz, 1000000000, INT64_MAX)));
    EXPECT_EQ((from_ticks<seconds, Hz>(UINT64_MAX)).count(), static_cast<int64_t>(UINT64_MAX / Hz));
}

// Every tick rate of a board: the host, the nRF TIMERs and the boards' core or timer clocks.
TEST(TickConversion, ExactOrForeverAtEveryBoardRate) {
    check_rate<1000000>();    // host, nRF51/nRF52 TIMER
    check_rate<8000000>();    // ek-lm3s6965, netduinoplus2's TIM
    check_rate<12500000>();   // lm3s6965evb
    check_rate<16000000>();   // nucleo-f401re, micro:bit core
    check_rate<20000000>();   // mps2-an505
    check_rate<25000000>();   // mps2-an385, an386
    check_rate<64000000>();   // nrf52840-dk core
    check_rate<168000000>();  // netduinoplus2 core
    check_rate<1000000000>();
}

TEST(TickConversion, ConvertsAtCompileTime) {
    static_assert(to_ticks<nanoseconds, 25000000>(hours(10)) == 36000ull * 25000000);
    static_assert(to_ticks<nanoseconds, 25000000>(nanoseconds(1)) == 1);  // rounded up
    static_assert(to_ticks<nanoseconds, 25000000>(nanoseconds(0)) == 0);
    static_assert(to_ticks<nanoseconds, 25000000>(nanoseconds(-1)) == 0);
    static_assert(from_ticks<milliseconds, 25000000>(25000 - 1) == milliseconds(0));  // rounded down
    static_assert(from_ticks<milliseconds, 25000000>(25000) == milliseconds(1));
}

}  // namespace
#endif
