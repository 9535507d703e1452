// A 32-bit device register by its address, for every driver. Volatile, so each access in the source
// is one access on the bus, in order. Arch-neutral: drivers depend on no port's internals (the
// Cortex-M port keeps cortex_m::reg for the core's own registers, since arch code includes nothing
// from drivers/).
#pragma once

#include <stdint.h>

namespace mmio {

// The register at `address`.
inline volatile uint32_t& reg(uintptr_t address) { return *reinterpret_cast<volatile uint32_t*>(address); }

}  // namespace mmio
