// A peripheral's free-running counter, for the time source that keeps time with it and takes the
// deadlines with SysTick (time_systick_alarm.cpp). The counter's driver, which TIME in board.mk
// names, provides these; its ticks are PORT_TICK_HZ.
#pragma once

#include <stdint.h>

namespace cortex_m {

// Starts the counter, with whatever interrupt its driver needs to keep count of its wraps.
void time_counter_start();

// Ticks since time_counter_start(), never going back. Call with interrupts masked.
uint64_t time_counter();

}  // namespace cortex_m
