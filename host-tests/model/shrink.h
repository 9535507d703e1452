// Running a program in a child process, where a crash or a kernel left in disorder cannot take the
// test with it, and shrinking a failing program to the shortest prefix that still fails, each
// prefix run from scratch in a child of its own.
#pragma once

#include <stddef.h>

#include <string>

#include "program.h"
#include "runner.h"

namespace weft::model {

struct Outcome {
    bool passed;
    std::string report;  // the failure, the trace when asked for, and what the child wrote
};

// Forks from this process, whose kernel must be clean (no coroutine alive).
Outcome run_in_child(const Program& p, const Options& o);

size_t shortest_failing_prefix(const Program& p, const Options& o);

}  // namespace weft::model
