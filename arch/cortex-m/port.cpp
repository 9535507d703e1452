// Cortex-M port: context set-up, idle and the panic path; time is the board's time source.
#include <string.h>

#include "board.h"
#include "cortex_m.h"
#include "guard.h"
#include "port.h"

using namespace cortex_m;

// From the switch file: the bytes of its saved frame, which differ per variant.
extern "C" const uint32_t port_frame_bytes;

// The first switch into a fresh context returns here with sp at {arg, entry}. The bottom of every
// coroutine's stack: its return address is marked undefined, so that backtraces end here.
extern "C" [[gnu::naked, noreturn]] void port_start() {
    __asm__ volatile(
        ".cfi_undefined lr\n\t"
        "pop  {r0, r1}\n\t"
        "blx  r1\n\t"
        "udf  #0\n\t");
}

extern "C" void port_context_init(port_context* ctx, const port_stack* stacks, void (*entry)(void*), void* arg) {
    auto* top = reinterpret_cast<uint32_t*>(reinterpret_cast<uintptr_t>(stacks[0].hi) & ~uintptr_t{7});
    top[-2] = reinterpret_cast<uintptr_t>(arg);
    top[-1] = reinterpret_cast<uintptr_t>(entry);
    uint32_t* frame = top - 2 - port_frame_bytes / 4;
    // A word at a time (FP = 0 in the FPU variants' frame): picolibc's memset, built for size,
    // stores a byte at a time, 149 instructions of every create() on v7-M.
    for (uint32_t i = 0; i < port_frame_bytes / 4; ++i) {
        frame[i] = 0;
        __asm__ volatile("" ::: "memory");  // a loop, not a call of memset
    }
    frame[0] = guard_frame_word(stacks[0]);  // the guard's word: guard.h
    top[-3] = reinterpret_cast<uintptr_t>(&port_start);  // every frame's top word is its resume address
    ctx->sp = frame;
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
