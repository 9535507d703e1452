// board_exit() for real boards: with no emulator or debugger to report to, the status goes to the
// LED, and the core stops where a debugger attached later finds the state the program ended in.
#include "board.h"

extern "C" void board_exit(int code) {
    __asm__ volatile("cpsid i" ::: "memory");  // nothing may run after the program has ended
    board_led(code != 0);
    // A reset would rerun the program and hide why it ended; a masked WFI only idles the core.
    for (;;) __asm__ volatile("wfi");
}
