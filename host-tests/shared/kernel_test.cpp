// The shared suites' pool, and Trace's mismatch report.
#include <stdio.h>

#include "kernel_test.h"

namespace weft::test {

WEFT_POOL(pool, pool_size, test_stack);

bool Trace::report(const char* const* expected, unsigned n) const {
    printf("    trace:   ");
    for (unsigned i = 0; i < count_; ++i) printf("%s\"%s\"", i != 0 ? ", " : "", events_[i]);
    printf("%s\n    expected: ", overflowed_ ? " (overflowed)" : "");
    for (unsigned i = 0; i < n; ++i) printf("%s\"%s\"", i != 0 ? ", " : "", expected[i]);
    printf("\n");
    return false;
}

}  // namespace weft::test
