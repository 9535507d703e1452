// RISC-V port: context set-up, idle and the panic path; time is the machine timer's.
#include <string.h>

#include "board.h"
#include "guard.h"
#include "port.h"
#include "riscv.h"

using namespace riscv;

// From the switch file: the bytes of its saved frame, which differ per variant.
extern "C" const uint32_t port_frame_bytes;

// The first switch into a fresh context returns here, with the entry in s0 and its argument in s1.
// The bottom of every coroutine's stack: its return address is marked undefined, so that
// backtraces end here.
extern "C" [[gnu::naked, noreturn]] void port_start() {
    __asm__ volatile(
        ".cfi_undefined ra\n\t"
        "mv    a0, s1\n\t"
        "jalr  s0\n\t"
        "unimp\n\t");
}

extern "C" void port_context_init(port_context* ctx, const port_stack* stacks, void (*entry)(void*), void* arg) {
    auto top = reinterpret_cast<uintptr_t>(stacks[0].hi) & ~uintptr_t{PORT_STACK_ALIGN - 1};
    auto* frame = reinterpret_cast<unsigned long*>(top - port_frame_bytes);
    // Only the words read before anything writes them: s2-s11 are callee-saved registers, which
    // code reads before writing only to save them for a caller, and this one never looks at them,
    // so their words keep the paint.
    frame[0] = guard_frame_word(stacks[0]);
    frame[1] = reinterpret_cast<uintptr_t>(&port_start);  // ra
    frame[2] = reinterpret_cast<uintptr_t>(entry);        // s0
    frame[3] = reinterpret_cast<uintptr_t>(arg);          // s1
#ifdef __riscv_flen
    // The FPU variants' mstatus.FS word (switch_riscv_ilp32f_lp64d*.S, chosen with the same CORE
    // that gives the compiler its F or D extension): off, so no floating-point block lies above.
    frame[14] = 0;
#endif
    ctx->sp = frame;
}

extern "C" bool port_idle() {
#ifdef PORT_IDLE_WAKE_TICKS
    idle_wake_arm();
#endif
    // WFI wakes on a pending, enabled interrupt even with mstatus.MIE clear; it is taken when the
    // caller unmasks.
    __asm__ volatile("wfi" ::: "memory");
    return true;
}

extern "C" uint64_t port_ticks() { return time_now(); }

// minstret: retired instructions, which QEMU counts exactly under -icount.
extern "C" uint64_t port_cycles() {
#if __riscv_xlen == 32
    uint32_t hi, lo, again;
    do {
        __asm__ volatile("csrr %0, minstreth\n\tcsrr %1, minstret\n\tcsrr %2, minstreth"
                         : "=r"(hi), "=r"(lo), "=r"(again));
    } while (hi != again);
    return uint64_t{hi} << 32 | lo;
#else
    return RISCV_CSR_READ(minstret);
#endif
}

extern "C" void port_panic(const char* message) {
    port_irq_save();
    board_console_write(message, strlen(message));
    board_console_write("\n", 1);
    board_exit(exit_panic);
}
