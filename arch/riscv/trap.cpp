// What a trap does once trap_entry.S has saved the interrupted registers: an interrupt goes to the
// timer or the interrupt controller; an FPU instruction in a context without floating-point state
// gets it; any other exception is reported (cause, where, what, and the running coroutine) and
// stops the system with a failing status.
#include "board.h"
#include "guard.h"
#include "line.h"
#include "port.h"
#include "riscv.h"

using namespace riscv;

extern "C" {
volatile uint32_t port_trap_depth;
void port_trap(TrapFrame* frame);
}

namespace {

const char* name(unsigned long cause) {
    switch (cause) {
    case 0: return "instruction address misaligned";
    case 1: return "instruction access fault";
    case 2: return "illegal instruction";
    case 3: return "breakpoint";
    case 4: return "load address misaligned";
    case 5: return "load access fault";
    case 6: return "store address misaligned";
    case 7: return "store access fault";
    case 8: return "ecall from U-mode";
    case 11: return "ecall from M-mode";
    default: return "exception";
    }
}

// The bytes [lo, hi) that PMP entries 0 and 1 guard, from pmpaddr0 (guard_pmp.cpp); empty without
// the guard.
bool in_guard(unsigned long address) {
#if PORT_PMP_GUARD
    uintptr_t lo = guard_base(RISCV_CSR_READ(pmpaddr0));
    return address >= lo && address < lo + PORT_PMP_GUARD_BYTES;
#else
    (void)address;
    return false;
#endif
}

// `cause` is mcause whole, as the report shows it; what it names is its code.
[[noreturn]] void report(const TrapFrame& frame, unsigned long cause, const char* why) {
    unsigned long mtval = RISCV_CSR_READ(mtval);
    unsigned long code = cause & mcause_code;
    char text[256];
    Line line(text, sizeof text);
    line << "fault: " << name(code);
    if ((code == 5 || code == 7) && in_guard(mtval)) line << " stack overflow";
    line << why << " mcause=";
    line.hex(cause) << " mepc=";
    line.hex(frame.mepc, 8) << " mtval=";
    line.hex(mtval, 8) << " sp=";
    line.hex(frame.sp, 8);
    char who[128];
    port_running(who, sizeof who);
    line << " in " << who << "\n";
    board_console_write(line.text(), line.length());
    board_exit(exit_fault);
}

}  // namespace

extern "C" void port_trap(TrapFrame* frame) {
    unsigned long cause = RISCV_CSR_READ(mcause);
    if (cause & mcause_interrupt) {
        // 7: the machine timer's interrupt, and with the ECLIC the core timer's source.
        if ((cause & mcause_code) == 7)
            timer_interrupt();
        else
            intc_interrupt(cause);
        return;
    }
#if defined(__riscv_flen)
    // The first FPU instruction of a context without floating-point state: from now on it has some,
    // starting from the default rounding mode, and the instruction runs again. Handlers run with FS
    // off and may not use the FPU: trap_entry.S keeps no floating-point registers.
    if ((cause & mcause_code) == 2 && (frame->mstatus & mstatus_fs) == 0) {
        if (port_trap_depth > 1) report(*frame, cause, " (the FPU, used in an interrupt handler)");
        frame->mstatus |= mstatus_fs_initial;
        __asm__ volatile("csrs mstatus, %0\n\tfscsr zero" ::"r"(mstatus_fs_initial));
        return;
    }
#endif
    report(*frame, cause, port_trap_depth > 1 ? " in a trap handler" : "");
}
