// Cortex-M port: context set-up, idle and the panic path; time is the board's time source.
#include <string.h>

#include "board.h"
#include "cortex_m.h"
#include "port.h"

using namespace cortex_m;

// From the switch file: the bytes of its saved frame, which differ per variant.
extern "C" const uint32_t port_frame_bytes;

// The first switch into a fresh context returns here with sp at {arg, entry}.
extern "C" [[gnu::naked, noreturn]] void port_start() {
    __asm__ volatile(
        "pop  {r0, r1}\n\t"
        "blx  r1\n\t"
        "udf  #0\n\t");
}

#if PORT_MPU_GUARD
extern "C" char __main_stack_bottom[];

// Region 7, 32 bytes, no access for anyone, never executable: the guard of the running context,
// which the switch moves. A coroutine's is the 32 bytes below its stack (port_stacks). The context
// running now is not a coroutine; its guard is the bottom of the main stack, where nothing but an
// overflow of main() goes: the handler stack lies below it, and start-up, which ran on the main
// stack's top, is over. Vector fetches use the default memory map whatever the MPU says, so no
// place of the region can stop an exception; data reads of the vector table, or of anything else
// that is not a stack, are another matter, which is why the region starts on a stack.
static void mpu_guard_start() {
    reg(mpu_rnr) = 7;
    reg(mpu_rbar) = (reinterpret_cast<uintptr_t>(__main_stack_bottom) + PORT_MPU_GUARD_BYTES - 1) &
                    ~uintptr_t{PORT_MPU_GUARD_BYTES - 1};
    reg(mpu_rasr) = 1u << 28 | 0u << 24 | 4u << 1 | 1u;  // XN, AP=000: no access, SIZE=2^(4+1), ENABLE
    reg(shcsr) |= 1u << 16;                              // MemManage faults, not HardFault
    reg(mpu_ctrl) = 1u << 2 | 1u;                        // PRIVDEFENA, ENABLE
    __asm__ volatile("dsb\n\tisb" ::: "memory");
}
#endif

extern "C" void port_context_init(port_context* ctx, const port_stack* stacks, void (*entry)(void*), void* arg) {
#if PORT_MPU_GUARD
    static bool guarding;
    if (!guarding) {
        mpu_guard_start();
        guarding = true;
    }
#endif
    auto* top = reinterpret_cast<uint32_t*>(reinterpret_cast<uintptr_t>(stacks[0].hi) & ~uintptr_t{7});
    top[-2] = reinterpret_cast<uintptr_t>(arg);
    top[-1] = reinterpret_cast<uintptr_t>(entry);
    uint32_t* frame = top - 2 - port_frame_bytes / 4;
    memset(frame, 0, port_frame_bytes);
#if PORT_MPU_GUARD
    // The lowest word is the MPU guard's base: the 32 bytes below the stack.
    frame[0] = reinterpret_cast<uintptr_t>(stacks[0].lo) - PORT_MPU_GUARD_BYTES;
#else
    // The lowest word is PSPLIM on ARMv8-M, a word the switch does not read in a fresh frame
    // elsewhere. The limit leaves the kernel's canary, at the slot base, below it: an overflow
    // faults before touching it.
    frame[0] = reinterpret_cast<uintptr_t>(stacks[0].lo) + 8;
#endif
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

extern "C" uint64_t port_cycles() { return port_ticks(); }

extern "C" void port_panic(const char* message) {
    port_irq_save();
    board_console_write(message, strlen(message));
    board_console_write("\n", 1);
    board_exit(exit_panic);
}
