// A spare interrupt for the phase sweep (target-tests/irq_phase_test.cpp): one the port's time
// source does not use, whose arrival a test places at a chosen tick of the kernel's clock. The
// arming is shared (phase_irq.cpp); each arch drives its board's timer in
// target-tests/<arch>/phase_irq.cpp, from what the board names in PHASE_IRQ_FLAGS.
#pragma once

#include "weft/time.h"

namespace weft::test::phase_irq {

// nullptr where the board has a spare interrupt; otherwise why it has none, for the skip message.
const char* unavailable();

// The ticks between one phase of the sweep and the next: 1 where the spare timer places an
// interrupt at any tick and a tick is several instructions; more where a tick is shorter.
Tick step();

// How many phases one tick is cut into where a step is one tick of many instructions and the
// spare timer counts finer than the kernel's clock (RISC-V virt: 100, an instruction of mtime's
// 100-instruction tick, from a timer that counts nanoseconds; qemu-netduinoplus2: 125 of TIM5's
// tick, from TIM2's nanoseconds); 1 elsewhere.
unsigned split();

// Makes `handler` run once, in interrupt context, at tick `when` of now() (at once if it is past)
// and `part` split()ths of a tick later; replaces any arming not yet fired. Call from a coroutine
// with interrupts unmasked.
void arm(Tick when, unsigned part, void (*handler)());

// Stops an arming that has not fired; once this returns the handler will not start.
void disarm();

// What each arch's timer gives the shared arming.
namespace timer {
// Readies the interrupt line (its priority, its enable); called unmasked before each arming.
void enable();
// Leaves nothing armed and nothing pending from the timer; called masked.
void stop();
// Interrupts `ahead` ticks and `part` split()ths of a tick from now, or at once for 0 and 0;
// called masked, after stop().
void start(Tick ahead, unsigned part);
}  // namespace timer

// Called by the arch's interrupt handler once it has stopped the timer: runs the armed handler, once.
void fired();

}  // namespace weft::test::phase_irq
