// The high-frequency crystal of the nRF51 and nRF52, whose CLOCK blocks are the same at 0x40000000:
// started and waited for, but not for ever. It starts in about a millisecond (under 1 ms typical
// in both reference manuals); one that has not after hfxo_reads reads (some 100 ms on the internal
// oscillator) is taken as absent or failed, and the board runs on, on the internal oscillator, whose
// looser clock a UART's baud rate may not survive: the board says so once its console is up.
#pragma once

#include <stdint.h>

#include "mmio.h"

namespace nrf_clock {

inline constexpr uintptr_t hfclkstart = 0x40000000, hfclkstarted = 0x40000100;
inline constexpr uint32_t hfxo_reads = 1000000;
inline constexpr char hfxo_failed[] = "weft: the HF crystal did not start; running on the internal oscillator\n";

// True once the crystal runs; false when it did not start within hfxo_reads reads.
inline bool start_hfxo() {
    mmio::reg(hfclkstarted) = 0;
    mmio::reg(hfclkstart) = 1;
    for (uint32_t i = 0; i < hfxo_reads; ++i)
        if (mmio::reg(hfclkstarted) != 0) return true;
    return false;
}

}  // namespace nrf_clock
