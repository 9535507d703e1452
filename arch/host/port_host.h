// The host port's stand-ins for hardware, driven by tests: a fake interrupt source and a fake clock.
// Everything happens synchronously in the calling thread, so tests are deterministic.
#pragma once

#include <stdint.h>

extern "C" {

#define PORT_HOST_IRQ_LINES 32u
// The last line is the kernel's timer (port_timer_arm), and the lowest priority: lower lines are
// taken first when several are pending. Tests use lines 0 to 30.
#define PORT_HOST_TIMER_LINE 31u

typedef void (*port_host_handler)(void* arg);

// Installs `handler` for interrupt `line`; a raised line with no handler is a panic.
void port_host_irq_attach(unsigned line, port_host_handler handler, void* arg);

// Pends interrupt `line`; it is taken at once when unmasked, else when interrupts are next unmasked.
void port_host_irq_raise(unsigned line);

// Raises `line` at the next point where interrupts are unmasked, wherever that is: the way to land
// an interrupt at the end of a masked section inside the kernel.
void port_host_irq_at_unmask(unsigned line);

// Raises `line` when the fake clock reaches `tick` (at once if it already has). At most 16 outstanding.
void port_host_irq_at(unsigned line, uint64_t tick);

// Current fake time, in ticks. The kernel reads it through a 32-bit counter that wraps, as
// hardware counters do, extended to 64 bits by the port (arch/counter64.h).
uint64_t port_host_now();

// Moves the fake clock forward by `ticks`, raising each interrupt that falls due in order of time;
// those due at one tick pend together and are taken by priority, the timer last, as in idle.
void port_host_advance(uint64_t ticks);

// Calls hook(arg) each time the kernel goes idle, as the CPU would go to sleep, before idle looks
// for pending interrupts: a test raises an interrupt there to land in the sleep race window.
void port_host_on_idle(void (*hook)(void* arg), void* arg);

// How many timer interrupts (port_timer_expired calls) there have been since the last reset.
uint64_t port_host_timer_interrupts();

// Forgets every handler, pending and scheduled interrupt, and sets the clock to `tick`.
void port_host_reset(uint64_t tick);

}  // extern "C"

#ifdef PORT_HOST_ASAN
// Under AddressSanitizer, what a fresh context first runs (port.cpp): it announces the switch
// into it, then calls the context's entry with its argument, both kept in the port_context `p`.
void port_host_asan_start(void* p);
#endif
