// libFuzzer's entry: an input decodes into a model program (host-tests/model/, docs/testing.md)
// that runs against the kernel and the reference model; a failed check stops the fuzzer with the
// program and a trace of what happened.
#include <stdio.h>
#include <stdlib.h>

#include "../model/program.h"
#include "../model/runner.h"
#include "../model/shrink.h"

using namespace weft::model;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Program p = decode(data, size);
    Options o;
    Verdict v = run_program(p, o);
    if (v.passed) return 0;
    o.trace = true;
    Outcome traced = run_in_child(p, o);  // from a clean process: this one may have lost coroutines
    fprintf(stderr, "model: fuzz input fails:\n  %s\n%swhat happened:\n%s", v.failure.c_str(), describe(p).c_str(),
            traced.report.c_str());
    abort();
}
