// A peripheral's free-running counter, for the time source that keeps time with it and takes the
// deadlines with SysTick (time_systick_alarm.cpp). The counter's driver, which TIME in board.mk
// names, provides these; its ticks are PORT_TICK_HZ.
#pragma once

#include <stdint.h>

namespace cortex_m {

// Starts the counter, and an interrupt at least once per wrap whose handler calls port_ticks(),
// so that the count is read often enough to extend it to 64 bits (arch/counter64.h).
void time_counter_start();

// The count, up from 0 and wrapping at 2^32.
uint32_t time_counter();

}  // namespace cortex_m
