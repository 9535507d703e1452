// ARM semihosting on M-profile: bkpt 0xab, the operation in r0, its argument in r1.
#include "arm_semihosting.h"

#include <stdint.h>

void semihosting_exit(int code) {
    // SYS_EXIT (0x18) can report only success or failure; SYS_EXIT_EXTENDED carries the code.
    const uint32_t block[2] = {0x20026, static_cast<uint32_t>(code)};  // ADP_Stopped_ApplicationExit
    register uint32_t op __asm__("r0") = 0x20;
    register const uint32_t* arg __asm__("r1") = block;
    __asm__ volatile("bkpt 0xab" : "+r"(op) : "r"(arg) : "memory");
    for (;;) {}
}
