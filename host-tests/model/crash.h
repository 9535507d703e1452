// When the process dies while a program runs (a kernel panic, a sanitizer's report, a fault), one
// line says which seed it was and how to run it alone, which runs it in a child and so shrinks it.
#pragma once

#include <stdint.h>

namespace weft::model {

void crash_report_install();
// Puts back what was there before: the process's other tests have their own ways to die.
void crash_report_remove();
// The seed now running; crash_report_none when none is.
inline constexpr uint64_t crash_report_none = UINT64_MAX;
void crash_report_seed(uint64_t seed);

}  // namespace weft::model
