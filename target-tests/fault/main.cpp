// Runs an instruction the core cannot execute (the compiler's trap) in a coroutine. The run must
// end in the port's fault report, which names the fault and the coroutine (FAULT_REPORT in
// arch.mk); reaching the end of main() is the failure.
#include <stdio.h>

#include "weft/weft.h"

WEFT_POOL(faulting, 1, 1024);

namespace {

void bad(void*) { __builtin_trap(); }

}  // namespace

int main() {
    if (!weft::spawn(faulting, bad, nullptr, "bad")) return 2;
    weft::run();
    printf("fault: the trap returned\n");
    return 1;
}
