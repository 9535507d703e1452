// Runs the kernel suites shared with the host (host-tests/shared) on a board: the small runner
// behind weft_test.h's TEST and TEST_F when WEFT_TEST_ON_TARGET is defined.
#include <stdio.h>

#include "kernel_test.h"
#include "weft_test.h"

namespace weft::test {
namespace {

Case* first;
Case* last;
bool current_failed;

}  // namespace

int add(Case* c) {
    (last != nullptr ? last->next : first) = c;
    last = c;
    return 0;
}

void fail(const char* file, int line, const char* what) {
    printf("     %s:%d: %s\n", file, line, what);
    current_failed = true;
}

bool failed() { return current_failed; }

}  // namespace weft::test

int main() {
    using namespace weft::test;
    int passed = 0, failures = 0;
    size_t deepest = 0;  // the most stack a test coroutine used, to size WEFT_TEST_STACK by
    for (Case* c = first; c != nullptr; c = c->next) {
        current_failed = false;
        c->run();
        ++(current_failed ? failures : passed);
        printf("%s %s.%s\n", current_failed ? "FAIL" : "ok  ", c->suite, c->name);
        for (size_t i = 0; i < pool.handed_out(); ++i) {
            size_t used = weft::stack_high_water(pool.slot(i));
            if (used > deepest) deepest = used;
        }
    }
    printf("deepest test stack: %zu of %zu bytes\n", deepest, pool.stack_size());
    printf("%d passed, %d failed\n", passed, failures);
    return failures == 0 ? 0 : 1;
}
