// The stack guard a build has (STACK_GUARD in arch.mk): guard_mpu.cpp with the MPU switch variants,
// guard_none.cpp with the others. Each pairs with the switch files' saved frame, whose lowest word
// belongs to the guard (the diagram at the top of each switch file; guard_frame_word(), port_arch.h).
#pragma once

#include <stdint.h>

#include "port.h"

// Arms the guard for the context running now (main(), on the main stack). The reset handler calls
// it once, before main() and any constructor.
void guard_start();
