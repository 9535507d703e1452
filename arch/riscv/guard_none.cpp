// No PMP guard: the kernel's canary alone.
#include "guard.h"

void guard_start() {}
