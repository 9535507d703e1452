// The stack guard a build has (STACK_GUARD in arch.mk): guard_mpu.cpp with the MPU switch variants,
// guard_none.cpp with the others. Each pairs with the switch files' saved frame, whose lowest word
// belongs to the guard (the diagram at the top of each switch file).
#pragma once

#include <stdint.h>

#include "port.h"

// Arms the guard for the context running now (main(), on the main stack). The reset handler calls
// it once, before main() and any constructor.
void guard_start();

// The lowest word of a fresh context's switch frame, for the context that will run on `stack`: the
// MPU region's base with STACK_GUARD=mpu, the slot's base (port_stacks puts the stack above the
// region); otherwise the stack's limit, which leaves the kernel's canary (the slot's first word)
// below it and which the ARMv8-M switch loads into PSPLIM, the others ignore.
inline uint32_t guard_frame_word(const port_stack& stack) {
    const auto lo = reinterpret_cast<uintptr_t>(stack.lo);
    return PORT_MPU_GUARD ? lo - PORT_MPU_REGION_BYTES : lo + 8;
}
