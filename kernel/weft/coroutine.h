// Coroutines: create, enter, yield, terminate, with QEMU's caller-chain semantics.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "port.h"
#include "status.h"

namespace weft {

class Pool;

using Entry = void (*)(void* arg);

enum class State : uint8_t {
    free,       // in its pool, not a coroutine
    suspended,  // created or yielded; may be entered
    ready,      // in the scheduler's ready queue
    running,    // the one executing now
    calling,    // entered another coroutine and waits for it to yield (in the caller chain)
    waiting,    // blocked until a wake-up
};

// What a waiting coroutine waits on, for introspection.
enum class WaitKind : uint8_t {
    none, queue, sleep, mutex, semaphore, event, rwlock, channel_send, channel_receive, any
};

struct Waiter;

// The control block. Fields are the kernel's; read them through the functions below.
struct Coroutine {
    port_context ctx;
    Coroutine* caller;      // resumed by yield(); the scheduler for spawned coroutines
    Coroutine* next;        // link in the ready queue or the pool's free list; itself outside both
    void* stack;            // the slot's base, where the canary lives
    Pool* pool;
    const char* name;       // nullptr when unnamed: the entry is then read from the start record
    Waiter* waiter;         // while waiting: what on, until when (on the coroutine's own stack)
    State state;
    bool scheduled;         // owned by the scheduler: yield() goes to the next ready coroutine
};

// Draws a slot from `pool` and prepares entry(arg) to run on it; Status::exhausted when the pool is full.
Result<Coroutine*> create(Pool& pool, Entry entry, void* arg, const char* name = nullptr);

// Runs `co` until it yields or terminates; `co` must be suspended (not running, entered, scheduled or gone).
void enter(Coroutine* co);

// Returns control: to the caller that entered this coroutine, or, when scheduled, to the next ready one.
void yield();

// The running coroutine, or nullptr outside any coroutine.
Coroutine* self();

// True when called from inside a coroutine.
bool in_coroutine();

// True while `co` is running or has entered another coroutine that has not yet yielded back.
bool entered(const Coroutine* co);

// The name given at creation, or nullptr when unnamed.
const char* name(const Coroutine* co);

// The entry function's address when unnamed, nullptr when named.
const void* entry_address(const Coroutine* co);

// The current state of `co`.
State state(const Coroutine* co);

// The pool `co` was drawn from (nullptr for the root context).
const Pool* pool_of(const Coroutine* co);

// Bytes in `co`'s stack.
size_t stack_size(const Coroutine* co);

// The most bytes of its stack number `stack` (0: the one C runs on; others where the port carves
// a slot into several, PORT_STACK_COUNT) that `co` has used since it was created; still readable
// after it terminates, until its slot is handed out again. 0 for the root context. High, never
// low, after a frame that left more than the paint window unwritten (docs/design.md).
size_t stack_high_water(const Coroutine* co, unsigned stack = 0);

}  // namespace weft
