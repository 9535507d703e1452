// The whole contract between the kernel and an architecture port.
// The kernel includes no other arch header but line.h, which belongs to no port; arch code includes
// no kernel header.
//
// Each port's port_arch.h defines, before the declarations below apply:
//   port_context              saved execution state of a suspended context (opaque)
//   port_irq_state            what port_irq_save() returns: true (non-zero) exactly when
//                             interrupts were masked before the save
//   PORT_SLOT_ALIGN           alignment of every pool slot, in bytes: what a hardware guard
//                             region needs (an MPU region's base), at least PORT_STACK_ALIGN
//   PORT_STACK_ALIGN          the ABI's stack pointer alignment at a call, in bytes
//   PORT_STACK_MIN            smallest slot the port accepts, in bytes: enough for a switch
//                             frame, for what an interrupt leaves on the interrupted stack (the
//                             hardware's exception frame, if handlers do not switch stacks
//                             before pushing anything) and a little to run on
//   PORT_STACK_COUNT          how many stacks one slot is carved into (1, or 3 on e2k)
//   PORT_TICK_HZ              the rate of port_ticks(), a compile-time constant
//   port_stacks()             the carving, inline (see below)
// and may define any function below inline, for speed.
//
// Stacks. C code, the coroutine's entry function included, runs on stacks[0], which grows down
// (it does on every architecture Weft targets; e2k's data stack too); the other stacks of a slot,
// where an architecture has them (e2k's procedure and chain stacks, which grow up), are the
// hardware's.
// The kernel paints every stack at creation, keeps a canary word beyond each one's limit, checks
// the canaries on every switch away and reads each stack's high-water mark.
//
// Interrupts. Handlers run on a stack of the port's own, not the interrupted coroutine's (beyond
// the frame the hardware pushes, counted in PORT_STACK_MIN), so a coroutine's stack need not hold
// a handler's frames; where they cannot (the host's simulated handlers are plain calls),
// PORT_STACK_MIN counts what they use. The interrupt that calls port_timer_expired() has the lowest priority of any
// that may call the kernel, so it never preempts another handler inside the kernel.
//
// Time. port_ticks() counts at PORT_TICK_HZ. A port whose counter's rate is known only at run time
// (an x86 TSC, measured at start-up) scales it to a nominal PORT_TICK_HZ in fixed point (a
// multiplier and a shift found at start-up) inside port_ticks() and port_timer_arm(), so the
// kernel's conversions stay compile-time constants.
#pragma once

#include <stddef.h>
#include <stdint.h>

// One stack carved from a slot: its bytes [lo, hi), which way it grows, and its canary: the word an
// overflow reaches first (beside the limit, or beyond a hardware guard region), which may lie just
// inside [lo, hi) at the limit end. For stacks[0] the canary is the slot's first word.
struct port_stack {
    unsigned char* lo;
    unsigned char* hi;
    uintptr_t* canary;
    bool grows_up;
};

#include "port_arch.h"

extern "C" {

// Carves a slot of `size` bytes at `slot` into PORT_STACK_COUNT stacks, each one's bounds on a
// 16-byte boundary. `split`
// is the pool's choice of how to share the slot among them (PORT_STACK_COUNT weights, the port's
// own default when nullptr); a single-stack port ignores it.
// (Declared per port as:
//   inline void port_stacks(unsigned char* slot, size_t size, const uint8_t* split, port_stack* stacks);)

// Prepares `ctx` so that the first port_switch() into it calls entry(arg) on `stacks`; entry must never return.
void port_context_init(port_context* ctx, const port_stack* stacks, void (*entry)(void*), void* arg);

// Stores `word` into every word of [lo, hi), both on a 16-byte boundary: the kernel's stack paint.
// Optional: the kernel's own, a loop of word stores, is weak; a port gives a faster one in assembly.
void port_fill(void* lo, void* hi, uintptr_t word);

// Saves the callee-saved state into *from and resumes *to; returns when something switches back to *from.
void port_switch(port_context* from, port_context* to);

// port_switch() from a context that will never be resumed (its coroutine has terminated).
[[noreturn]] void port_switch_final(port_context* from, port_context* to);

// Masks interrupts and returns the previous mask state. Nests.
port_irq_state port_irq_save();

// Restores the mask state returned by the matching port_irq_save().
void port_irq_restore(port_irq_state state);

// True while an interrupt handler is running, nested or not; a port whose handlers nest keeps a
// nesting count in its entry code rather than a flag.
bool port_in_irq();

// True while interrupts are masked, by port_irq_save() or by the hardware in a handler: nothing
// that waits for an interrupt may block then, for the interrupt could never come.
bool port_irqs_masked();

// Called with interrupts masked: sleeps until an interrupt is pending, then returns still masked, so a
// wake-up that lands between the caller's check and the sleep is not lost. A port whose sleep
// instruction can only be used unmasked (x86's sti; hlt) may take the interrupt, its handler
// included, inside port_idle(); the caller's look after it is what sees the result. Returns false only on a port
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
// address, its pool and how much of its stack it has used) into `text`, NUL-terminated; returns the
// length. 128 bytes hold it for names up to 32 characters.
size_t port_running(char* text, size_t size);

}  // extern "C"
