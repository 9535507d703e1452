// What the shared on-target cases (target-tests/*.cpp) need to know of the RISC-V port.
#pragma once

#include <stdint.h>

#include "port.h"

namespace weft::test {

// A wrap of mtime's low 32 bits: where RV32 reads the 64-bit mtime in two halves, a carry between
// them. mtimecmp takes any deadline at once, so this is only a long span elsewhere.
inline constexpr uint64_t timer_period = uint64_t{1} << 32;

}  // namespace weft::test
