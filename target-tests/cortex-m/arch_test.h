// What the shared on-target cases (target-tests/*.cpp) need to know of the Cortex-M port.
#pragma once

#include <stdint.h>

#include "port.h"

namespace weft::test {

// One period of the 24-bit SysTick, in the time source's ticks: a wrap where SysTick keeps time,
// the longest alarm where it only takes the deadlines, and as long a span on a board without it.
inline constexpr uint64_t timer_period = (uint64_t{1} << 24) * PORT_TICK_HZ / BOARD_CPU_HZ;

}  // namespace weft::test
