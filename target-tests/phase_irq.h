// A spare interrupt for the phase sweep (target-tests/irq_phase_test.cpp): one the port's time
// source does not use, whose arrival a test places at a chosen tick of the kernel's clock. Each arch
// implements it in target-tests/<arch>/phase_irq.cpp, from what the board names in PHASE_IRQ_FLAGS.
#pragma once

#include "weft/time.h"

namespace weft::test::phase_irq {

// nullptr where the board has a spare interrupt; otherwise why it has none, for the skip message.
const char* unavailable();

// The ticks between one phase of the sweep and the next: 1 where the spare timer places an
// interrupt at any tick and a tick is several instructions; more where a tick is shorter.
Tick step();

// Makes `handler` run once, in interrupt context, at tick `when` of now() (at once if it is past);
// replaces any arming not yet fired. Call from a coroutine with interrupts unmasked.
void arm(Tick when, void (*handler)());

// Stops an arming that has not fired; once this returns the handler will not start.
void disarm();

}  // namespace weft::test::phase_irq
