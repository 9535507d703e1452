// What the kernel shows of the program's objects and coroutines, compared with the model: each
// object's observable state after every step, and the coroutine listing (for_each_coroutine,
// report) when a step asks for it and whenever run() returns.
#pragma once

#include "checks.h"
#include "model.h"
#include "world.h"

namespace weft::model {

void observe_objects(const Model& m, World& w, Checks& checks);

// `running`: the actor whose coroutine is running (main_actor outside any); `entry`: the entry
// function the runner spawns every script with, which an unnamed coroutine is listed by.
void observe_listing(const Model& m, World& w, Checks& checks, int running, const void* entry);

// The table report() writes: a line per pool and per slot handed out, each of the program's
// coroutines by name and state.
void observe_report(const Model& m, Checks& checks, int running);

}  // namespace weft::model
