// The whole contract between the kernel and an architecture port.
// The kernel includes no other arch header; arch code includes no kernel header.
//
// Each port's port_arch.h defines, before the declarations below apply:
//   port_context              saved execution state of a suspended context (opaque)
//   port_irq_state            what port_irq_save() returns
//   PORT_STACK_ALIGN          alignment of every stack slot, in bytes
//   PORT_STACK_MIN            smallest slot the port accepts, in bytes
//   PORT_STACK_COUNT          how many stacks one slot is carved into
//   port_stacks()             the carving, inline (see below)
// and may define any function below inline, for speed.
#pragma once

#include <stddef.h>
#include <stdint.h>

// One stack carved from a slot, [lo, hi).
struct port_stack {
    unsigned char* lo;
    unsigned char* hi;
};

#include "port_arch.h"

extern "C" {

// Carves a slot of `size` bytes at `slot` into PORT_STACK_COUNT stacks; stacks[0] grows
// down towards `slot` itself, so the kernel's guard word at `slot` is the first thing an overflow
// hits, unless the port puts a hardware guard (an MPU region) between the two.
// (Declared per port as: inline void port_stacks(unsigned char* slot, size_t size, port_stack* stacks);)

// Prepares `ctx` so that the first port_switch() into it calls entry(arg) on `stacks`; entry must never return.
void port_context_init(port_context* ctx, const port_stack* stacks, void (*entry)(void*), void* arg);

// Saves the callee-saved state into *from and resumes *to; returns when something switches back to *from.
void port_switch(port_context* from, port_context* to);

// port_switch() from a context that will never be resumed (its coroutine has terminated).
[[noreturn]] void port_switch_final(port_context* from, port_context* to);

// Masks interrupts and returns the previous mask state. Nests.
port_irq_state port_irq_save();

// Restores the mask state returned by the matching port_irq_save().
void port_irq_restore(port_irq_state state);

// True while an interrupt handler is running.
bool port_in_irq();

// Called with interrupts masked: sleeps until an interrupt is pending, then returns still masked, so a
// wake-up that lands between the caller's check and the sleep is not lost. Returns false only on a port
// that knows no interrupt can ever arrive (the host with nothing pending and nothing armed).
bool port_idle();

// Monotonic time in ticks since boot, 64 bits wide so it never wraps in practice; the port extends a
// narrower hardware counter across its wraps. Ticks per second: PORT_TICK_HZ from port_arch.h.
uint64_t port_ticks();

// Asks for one call of port_timer_expired() from interrupt context once port_ticks() >= deadline
// (at once if it already is). Replaces any earlier request; UINT64_MAX cancels. Tickless: nothing
// else interrupts, however far away the deadline is.
void port_timer_arm(uint64_t deadline);

// A free-running cycle or instruction count, for benchmarks only.
uint64_t port_cycles();

// Reports `message` wherever the port can show it, then stops for good with a failing status.
[[noreturn]] void port_panic(const char* message);

// Provided by the kernel, called by the port: the deadline given to port_timer_arm() has come.
void port_timer_expired();

// Provided by the kernel, for fault reports: writes what is running (the coroutine's name or entry
// address, and its pool) into `text`, NUL-terminated; returns the length.
size_t port_running(char* text, size_t size);

}  // extern "C"
