// Extends a free-running 32-bit up-counter to 64 bits, for ports whose hardware counter is narrow.
// Correct as long as readings are less than a wrap apart: such a port never arms its timer more than
// half a wrap ahead, or interrupts twice a wrap, so it is read often enough even with nothing to do.
#pragma once

#include <stdint.h>

struct port_counter64 {
    uint64_t last;

    // The 64-bit time of the raw reading `now`; call with interrupts masked.
    uint64_t extend(uint32_t now) {
        uint64_t t = (last & ~uint64_t{0xFFFFFFFF}) | now;
        if (t < last) t += uint64_t{1} << 32;
        last = t;
        return t;
    }
};

// The longest a port with such a counter may arm its timer ahead.
inline constexpr uint64_t port_counter64_max_arm = uint64_t{1} << 31;
