// A peripheral's free-running counter, for the time source that keeps time with it and takes the
// deadlines with SysTick (time_systick_alarm.cpp). The counter's source file, which TIME in board.mk
// names, provides these; its ticks are PORT_TICK_HZ.
//
// The counters (time_cmsdk_timer.cpp, time_stm32_tim.cpp) and the nRF TIMER that is a whole time
// source (time_nrf51_timer.cpp) are part of this port, not drivers/: each takes its own interrupt
// by the port's vector names, sets it up through the NVIC, and feeds the port's time and alarm, so
// it needs the port's internals either way. Here they need nothing from drivers/ (registers go
// through cortex_m::reg), and drivers/ needs nothing from them.
#pragma once

#include <stdint.h>

namespace cortex_m {

// Starts the counter, with whatever interrupt its source needs to keep count of its wraps.
void time_counter_start();

// Ticks since time_counter_start(), never going back. Call with interrupts masked.
uint64_t time_counter();

}  // namespace cortex_m
