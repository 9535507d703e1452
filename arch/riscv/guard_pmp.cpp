// STACK_GUARD=pmp: PMP entry 0, a 32-byte region below the running stack that admits nothing, and
// entry 1, all of memory, admitting everything. In machine mode unlocked PMP entries bind only
// loads and stores made with mstatus.MPRV set and MPP naming a lower mode, so both are set here:
// the code's data accesses are checked as U-mode's. A trap sets MPP to M, so handlers run
// unchecked, and mret sets it back to U for the code it returns to. Instruction fetch is never
// checked. The switch (the _pmp variants) moves entry 0 with the running context.
#include "guard.h"

#include "riscv.h"

extern "C" char __main_stack_bottom[];

void guard_start() {
    // The lowest 32 bytes of the main stack keep its canary free: the guard is the 32 above them,
    // as port_stacks() lays out a slot.
    auto lo = reinterpret_cast<uintptr_t>(__main_stack_bottom) + PORT_PMP_GUARD_BYTES;
    unsigned long guard = guard_pmpaddr(lo);
    unsigned long all = ~0ul;  // NAPOT over the whole address space
    constexpr unsigned long napot = 3ul << 3, rwx = 7;
    __asm__ volatile(
        "csrw pmpaddr0, %0\n\t"
        "csrw pmpaddr1, %1\n\t"
        "csrw pmpcfg0, %2\n\t"
        "csrc mstatus, %3\n\t"
        "csrs mstatus, %4\n\t" ::"r"(guard),
        "r"(all), "r"(napot | (napot | rwx) << 8), "r"(riscv::mstatus_mpp), "r"(riscv::mstatus_mprv)
        : "memory");
}
