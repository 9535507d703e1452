// The round-robin scheduler over spawned coroutines.
#pragma once

#include "coroutine.h"
#include "pool.h"

namespace weft {

// Creates a coroutine and makes it ready; Status::exhausted when the pool is full.
Result<Coroutine*> spawn(Pool& pool, Entry entry, void* arg, const char* name = nullptr);

// Runs ready coroutines in turn, sleeping while none is ready and something may still wake one.
// Returns Status::ok once no coroutine is ready or waiting; Status::deadlock when coroutines still
// wait but the port knows nothing can wake them (the host with no interrupt pending or scheduled).
Status run();

}  // namespace weft
