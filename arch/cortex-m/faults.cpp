// Fault handlers: name the fault, where it happened and why, then stop with a failing status.
#include "board.h"
#include "cortex_m.h"
#include "line.h"
#include "port.h"

using namespace cortex_m;

extern "C" char __ram_start[], __ram_end[];

namespace {

const char* name(uint32_t exception) {
    switch (exception) {
    case 2: return "NMI";
    case 3: return "HardFault";
    case 4: return "MemManage";
    case 5: return "BusFault";
    case 6: return "UsageFault";
    case 7: return "SecureFault";
    default: return "unexpected exception ";
    }
}

}  // namespace

// `frame` is what the hardware stacked: r0-r3, r12, lr, pc, xPSR.
extern "C" [[noreturn, gnu::used]] void port_fault_report(const uint32_t* frame) {
    uint32_t ipsr;
    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    char text[256];
    Line line(text, sizeof text);
    line << "fault: " << name(ipsr & 0x1FF);
    if ((ipsr & 0x1FF) > 7) line.hex(ipsr & 0x1FF, 8);
    // An overflow can leave sp outside RAM (do not fault again reading it), or, caught by PSPLIM
    // or MSPLIM (CFSR.STKOF), at the limit with nothing stacked.
    auto at = reinterpret_cast<uintptr_t>(frame);
    bool stacked = at >= reinterpret_cast<uintptr_t>(__ram_start) &&
                   at + 32 <= reinterpret_cast<uintptr_t>(__ram_end);
#if !defined(__ARM_ARCH_6M__) && !defined(__ARM_ARCH_8M_BASE__)
    // STKOF (v8-M stack limit), or a fault while stacking the exception frame (MSTKERR, STKERR):
    // an overflow, and what is on the stack is not a frame.
    if (reg(cfsr) & (1u << 20 | 1u << 12 | 1u << 4)) {
        line << " stack overflow";
        stacked = false;
    }
#endif
    if (stacked) {
        line << " pc=";
        line.hex(frame[6], 8) << " lr=";
        line.hex(frame[5], 8);
    } else {
        line << " sp=";
        line.hex(at, 8);
    }
#if !defined(__ARM_ARCH_6M__) && !defined(__ARM_ARCH_8M_BASE__)
    line << " CFSR=";
    line.hex(reg(cfsr), 8) << " HFSR=";
    line.hex(reg(hfsr), 8) << " MMFAR=";
    line.hex(reg(mmfar), 8) << " BFAR=";
    line.hex(reg(bfar), 8);
#endif
    char who[128];
    port_running(who, sizeof who);
    line << " in " << who << "\n";
    board_console_write(line.text(), line.length());
    board_exit(exit_fault);
}

// Naked: finds the stacked frame on whichever stack was live, MSP or PSP (EXC_RETURN bit 2). A jump
// through a register, not b, for its range on ARMv6-M, and not bl, which would overwrite lr: the
// report starts with EXC_RETURN in lr, as if the exception had entered it, so a debugger halted in
// it unwinds through the exception frame into the faulting code. Nothing returns.
extern "C" [[gnu::naked]] void port_fault() {
    __asm__ volatile(
        "movs r0, #4\n\t"
        "mov  r1, lr\n\t"
        "ldr  r2, =port_fault_report\n\t"
        "tst  r0, r1\n\t"
        "bne  1f\n\t"
        "mrs  r0, msp\n\t"
        "bx   r2\n"
        "1:\n\t"
        "mrs  r0, psp\n\t"
        "bx   r2\n\t"
        ".ltorg\n\t");
}
