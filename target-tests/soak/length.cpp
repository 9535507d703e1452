// The soak's length, the one part built once per SWITCHES (the Makefile names the image after it).
#include "soak.h"

#ifndef SOAK_SWITCHES
#error "SOAK_SWITCHES: the switches a soak image runs for"
#endif

namespace soak {

const uint32_t switches_wanted = SOAK_SWITCHES;

}  // namespace soak
