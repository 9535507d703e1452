// board_exit() and board_led() for the RISC-V boards QEMU runs without a test device to exit through
// (sifive_e). The status goes to QEMU by RISC-V semihosting, the ARM semihosting calls behind a
// marked ebreak (the operation in a0, its argument in a1), and becomes its exit status; the board's
// QEMU line must enable it (-semihosting-config enable=on,target=native). Without an emulator or
// debugger to answer, the ebreak is a breakpoint exception, which is why real boards halt instead
// (halt.cpp). QEMU shows no LED.
#include "board.h"

extern "C" void board_exit(int code) {
    // SYS_EXIT (0x18) can report only success or failure; SYS_EXIT_EXTENDED carries the code. The
    // block's fields are XLEN wide.
    const unsigned long block[2] = {0x20026, static_cast<unsigned long>(code)};  // ADP_Stopped_ApplicationExit
    register unsigned long op __asm__("a0") = 0x20;
    register const unsigned long* arg __asm__("a1") = block;
    // QEMU takes the ebreak as a semihosting call only between exactly these two instructions, all
    // three uncompressed and on one page: 12 bytes aligned to 16 never straddle one.
    __asm__ volatile(
        ".option push\n\t"
        ".option norvc\n\t"
        ".balign 16\n\t"
        "slli x0, x0, 0x1f\n\t"
        "ebreak\n\t"
        "srai x0, x0, 7\n\t"
        ".option pop"
        : "+r"(op)
        : "r"(arg)
        : "memory");
    for (;;) {}
}

extern "C" void board_led(bool) {}
