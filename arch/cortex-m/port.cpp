// Cortex-M port: context set-up, idle and the panic path; time is the board's time source.
#include <string.h>

#include "board.h"
#include "cortex_m.h"
#include "guard.h"
#include "port.h"

using namespace cortex_m;

// The first switch into a fresh context returns here with sp at {arg, entry}. The bottom of every
// coroutine's stack: its return address is marked undefined, so that backtraces end here.
extern "C" [[gnu::naked, noreturn]] void port_start() {
    __asm__ volatile(
        ".cfi_undefined lr\n\t"
        "pop  {r0, r1}\n\t"
        "blx  r1\n\t"
        "udf  #0\n\t");
}

extern "C" bool port_idle() {
    // WFI wakes on a pending interrupt even with PRIMASK set; it is taken when the caller unmasks.
    __asm__ volatile("dsb\n\twfi" ::: "memory");
    return true;
}

// The time base and the timer (time_now, port_timer_arm, timer_start) come from the board's time
// source, TIME in board.mk (arch.mk): time_systick.cpp or a peripheral timer's driver. Its ticks
// are cycles where it counts the core clock, which is all a benchmark needs of them.
extern "C" uint64_t port_ticks() {
    port_irq_state s = port_irq_save();
    uint64_t at = time_now();
    port_irq_restore(s);
    return at;
}

// Weak: a time source whose ticks stop while nothing waits on time (time_systick_tickless.cpp) has
// its own, which keeps them going for the benchmark that reads it.
extern "C" [[gnu::weak]] uint64_t port_cycles() { return port_ticks(); }

extern "C" void port_panic(const char* message) {
    port_irq_save();
    board_console_write(message, strlen(message));
    board_console_write("\n", 1);
    board_exit(exit_panic);
}
