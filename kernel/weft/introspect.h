// Introspection: every coroutine with its state, what it waits on and its stack use; every pool
// with its use. For reports, shells and debugger scripts.
#pragma once

#include "pool.h"
#include "time.h"

namespace weft {

struct CoroutineInfo {
    const Coroutine* co;
    const char* name;         // nullptr when unnamed
    const void* entry;        // the entry function when unnamed
    const Pool* pool;
    State state;              // State::free: terminated, its slot back in the pool
    WaitKind waiting_for;     // WaitKind::none unless waiting
    const void* waiting_on;   // the object waited on, when there is one
    Tick wake_at;             // the wait's deadline; UINT64_MAX when none
    size_t stack_size;
    size_t stack_high_water;
};

// Calls visit() for each slot every pool has handed out, pool by pool.
void for_each_coroutine(void (*visit)(const CoroutineInfo& info, void* context), void* context);

// Describes `co` as for_each_coroutine() would.
CoroutineInfo describe(const Coroutine* co);

// Writes a table of the pools and the coroutines, one line per call of write().
void report(void (*write)(const char* line, void* context), void* context);

// Short names, for messages.
const char* to_string(State s);
const char* to_string(WaitKind w);

}  // namespace weft
