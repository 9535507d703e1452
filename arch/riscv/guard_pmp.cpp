// STACK_GUARD=pmp: PMP entry 1, the PORT_PMP_GUARD_BYTES below the running stack as a TOR range
// from pmpaddr0 (entry 0 is off and only gives that bottom) to pmpaddr1, admitting nothing, and
// entry 2, all of memory, admitting everything. A TOR range rather than a NAPOT block: it can be as
// deep as the deepest frame without a slot aligned to its size. In machine mode unlocked PMP
// entries bind only loads and stores made with mstatus.MPRV set and MPP naming a lower mode, so
// both are set here: the code's data accesses are checked as U-mode's. A trap sets MPP to M, so
// handlers run unchecked, and mret sets it back to U for the code it returns to. Instruction fetch
// is never checked. The switch (the _pmp variants) moves entries 0 and 1 with the running context.
#include "guard.h"

#include "riscv.h"

extern "C" char __main_stack_bottom[];

void guard_start() {
    // The lowest 32 bytes of the main stack keep its canary free: the guard is above them, as
    // port_stacks() lays out a slot.
    auto lo = reinterpret_cast<uintptr_t>(__main_stack_bottom) + 32;
    unsigned long bottom = guard_pmpaddr(lo), top = bottom + PORT_PMP_GUARD_BYTES / 4;
    unsigned long all = ~0ul;  // NAPOT over the whole address space
    // Entry 0's R bit means nothing while it is off; the switch sets it again to write pmpcfg0.
    constexpr unsigned long off_r = 1, tor = 1ul << 3, napot = 3ul << 3, rwx = 7;
    __asm__ volatile(
        "csrw pmpaddr0, %0\n\t"
        "csrw pmpaddr1, %1\n\t"
        "csrw pmpaddr2, %2\n\t"
        "csrw pmpcfg0, %3\n\t"
        "csrc mstatus, %4\n\t"
        "csrs mstatus, %5\n\t" ::"r"(bottom),
        "r"(top), "r"(all), "r"(off_r | tor << 8 | (napot | rwx) << 16), "r"(riscv::mstatus_mpp),
        "r"(riscv::mstatus_mprv)
        : "memory");
}
