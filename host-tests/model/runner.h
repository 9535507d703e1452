// Running one program against the kernel and the model, from a clean kernel, back to a clean one.
#pragma once

#include <string>

#include "model.h"
#include "program.h"

namespace weft::model {

struct Options {
    bool trace = false;  // record every step, for a failure's report
};

struct Verdict {
    bool passed;
    bool clean;  // every coroutine ended and the pools are back to zero used
    std::string failure;
    std::string trace;
    Stats stats;
};

Verdict run_program(const Program& p, const Options& o);

}  // namespace weft::model
