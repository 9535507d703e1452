// No MPU guard: the kernel's canary, and on ARMv8-M the stack limit register, which every v8-M
// switch sets from the frame's lowest word.
#include "guard.h"

void guard_start() {}
