// board_exit() and board_led() for the boards QEMU runs. The status goes to QEMU by ARM semihosting
// (bkpt 0xab, the operation in r0, its argument in r1), which becomes its exit status; without an
// emulator or debugger attached the request is a breakpoint nothing answers (a fault, or a locked-up
// core), which is why real boards halt instead (halt.cpp). QEMU shows no LED.
#include <stdint.h>

#include "board.h"

extern "C" void board_exit(int code) {
    // SYS_EXIT (0x18) can report only success or failure; SYS_EXIT_EXTENDED carries the code.
    const uint32_t block[2] = {0x20026, static_cast<uint32_t>(code)};  // ADP_Stopped_ApplicationExit
    register uint32_t op __asm__("r0") = 0x20;
    register const uint32_t* arg __asm__("r1") = block;
    __asm__ volatile("bkpt 0xab" : "+r"(op) : "r"(arg) : "memory");
    for (;;) {}
}

extern "C" void board_led(bool) {}
