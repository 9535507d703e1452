// What the shared on-target cases (target-tests/*.cpp) need to know of the x86 port.
#pragma once

#include <stdint.h>

#include "port.h"

namespace weft::test {

// The local APIC timer's one-shot reach: 2^32 counts, 4.3 s of ticks where it counts at the TSC's
// rate (QEMU's 1 GHz). A deadline further away interrupts early and is armed again.
inline constexpr uint64_t timer_period = uint64_t{1} << 32;

}  // namespace weft::test
