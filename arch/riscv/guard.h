// The stack guard a build has (STACK_GUARD in arch.mk): guard_pmp.cpp with the PMP switch
// variants, guard_none.cpp with the others. Each pairs with the switch files' saved frame, whose
// lowest word belongs to the guard (the diagram at the top of each switch file).
#pragma once

#include <stdint.h>

#include "port.h"

// Arms the guard for the context running now (main(), on the main stack). Start-up calls it once,
// before main() and any constructor.
void guard_start();

// pmpaddr0 for the PORT_PMP_GUARD_BYTES at `base`: the bottom of entry 1's TOR range, the address
// over 4. The top, pmpaddr1, is PORT_PMP_GUARD_BYTES / 4 more (the switch adds it).
constexpr unsigned long guard_pmpaddr(uintptr_t base) { return base >> 2; }

// The first byte of the region whose pmpaddr0 is `pmpaddr` (guard_pmpaddr()'s).
constexpr uintptr_t guard_base(unsigned long pmpaddr) { return pmpaddr << 2; }

// The lowest word of a fresh context's switch frame, for the context that will run on `stack`:
// with STACK_GUARD=pmp, pmpaddr0 for the PORT_PMP_GUARD_BYTES below the stack (port_stacks leaves
// them above the canary); otherwise unused.
inline unsigned long guard_frame_word(const port_stack& stack) {
    const auto lo = reinterpret_cast<uintptr_t>(stack.lo);
    return PORT_PMP_GUARD ? guard_pmpaddr(lo - PORT_PMP_GUARD_BYTES) : 0;
}
