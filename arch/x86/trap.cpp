// The interrupt descriptor table and what a trap does once trap_entry_<arch>.S has saved the
// interrupted registers: a device interrupt goes to the interrupt controller, the timer's to the
// timer; an exception is reported (what, where, and the running coroutine) and stops the system
// with a failing status. On x86-64 the TSS gives the gates their interrupt stacks.
#include "board.h"
#include "line.h"
#include "port.h"
#include "x86.h"

using namespace x86;

extern "C" {
volatile uint32_t port_trap_depth;
void port_trap(TrapFrame* frame);
extern const char port_trap_vectors[];  // 256 stubs, 16 bytes apart
extern char __trap_stack_top[], __fault_stack_top[];
}

namespace {

#if defined(__x86_64__)
struct [[gnu::packed]] Gate {
    uint16_t offset_lo, selector;
    uint8_t ist, type;
    uint16_t offset_mid;
    uint32_t offset_hi, reserved;
};

struct [[gnu::packed]] Tss {
    uint32_t reserved0;
    uint64_t rsp[3], reserved1, ist[7], reserved2;
    uint16_t reserved3, iomap;
};

// The GDT of boot_x86_64.S, whose selector 0x18 this fills with the TSS's 16-byte descriptor.
extern "C" uint64_t x86_gdt[];
constexpr uint16_t tss_selector = 0x18;
Tss tss;

Gate gate(uintptr_t handler, uint8_t ist) {
    return {static_cast<uint16_t>(handler), 0x08, ist, 0x8E, static_cast<uint16_t>(handler >> 16),
            static_cast<uint32_t>(handler >> 32), 0};
}

void tss_start() {
    tss.ist[0] = reinterpret_cast<uintptr_t>(__trap_stack_top);   // IST1: interrupts
    tss.ist[1] = reinterpret_cast<uintptr_t>(__fault_stack_top);  // IST2: exceptions
    tss.iomap = sizeof tss;  // no I/O bitmap: ring 0 needs none
    auto base = reinterpret_cast<uintptr_t>(&tss);
    // A 64-bit available TSS (type 9), present, limit sizeof - 1; the upper half holds base 63:32.
    x86_gdt[tss_selector / 8] = (sizeof tss - 1) | (base & 0xFFFFFF) << 16 | uint64_t{0x89} << 40 |
                                (base >> 24 & 0xFF) << 56;
    x86_gdt[tss_selector / 8 + 1] = base >> 32;
    __asm__ volatile("ltr %0" ::"r"(tss_selector));
}
#else
struct [[gnu::packed]] Gate {
    uint16_t offset_lo, selector;
    uint8_t zero, type;
    uint16_t offset_hi;
};

// The IST's place is taken by trap_entry_i386.S's move to the trap stack.
Gate gate(uintptr_t handler, uint8_t) {
    return {static_cast<uint16_t>(handler), 0x08, 0, 0x8E, static_cast<uint16_t>(handler >> 16)};
}

void tss_start() {}
#endif

alignas(16) Gate idt[256];

const char* const exception_names[32] = {
    "divide error", "debug", "NMI", "breakpoint", "overflow", "bound range exceeded", "invalid opcode",
    "device not available", "double fault", "coprocessor segment overrun", "invalid TSS",
    "segment not present", "stack-segment fault", "general protection fault", "page fault", nullptr,
    "x87 floating-point error", "alignment check", "machine check", "SIMD floating-point error",
    "virtualisation exception", "control protection exception"};

uintptr_t cr2() {
    uintptr_t v;
    __asm__ volatile("mov %%cr2, %0" : "=r"(v));
    return v;
}

// Where the interrupted code's stack pointer was: the CPU pushed it on x86-64; on i386 (ring 0, no
// stack switch) its frame ends there.
uintptr_t interrupted_sp(const TrapFrame& frame) {
#if defined(__x86_64__)
    return (&frame.flags)[1];
#else
    return reinterpret_cast<uintptr_t>(&frame.flags + 1);
#endif
}

[[noreturn]] void report(const TrapFrame& frame) {
    // A fault while reporting one (a broken stack, a console that faults) would report for ever:
    // the first report stands, and the second only stops the system.
    static bool reporting;
    if (reporting) board_exit(exit_fault);
    reporting = true;
    const char* what = frame.vector < 32 ? exception_names[frame.vector] : nullptr;
    char text[256];
    Line line(text, sizeof text);
    line << "fault: " << (what ? what : "exception");
    if (port_trap_depth > 1) line << " in a trap handler";
    line << " vector=";
    line.dec(frame.vector) << " error=";
    line.hex(frame.error) << " ip=";
    line.hex(frame.ip, 8) << " sp=";
    line.hex(interrupted_sp(frame), 8);
    if (frame.vector == 14) {
        line << " cr2=";
        line.hex(cr2(), 8);
    }
    char who[128];
    port_running(who, sizeof who);
    line << " in " << who << "\n";
    board_console_write(line.text(), line.length());
    board_exit(exit_fault);
}

[[noreturn, gnu::cold]] void unexpected(unsigned vector) {
    char text[40];
    Line line(text, sizeof text);
    line << "unexpected interrupt vector ";
    port_panic(line.dec(vector).text());
}

}  // namespace

void x86::traps_start() {
    auto stubs = reinterpret_cast<uintptr_t>(port_trap_vectors);
    for (unsigned v = 0; v < 256; ++v) idt[v] = gate(stubs + 16 * v, v < 32 ? 2 : 1);
    tss_start();
    struct [[gnu::packed]] {
        uint16_t limit;
        uintptr_t base;
    } pointer{sizeof idt - 1, reinterpret_cast<uintptr_t>(idt)};
    __asm__ volatile("lidt %0" ::"m"(pointer));
}

extern "C" void port_trap(TrapFrame* frame) {
    unsigned vector = static_cast<unsigned>(frame->vector);
    if (vector < 32) report(*frame);
    if (vector == vector_timer)
        timer_interrupt();
    else if (vector - vector_pic < 16)
        intc_interrupt(vector - vector_pic);
    else if (vector != vector_spurious)  // the local APIC's spurious vector takes no EOI
        unexpected(vector);
}
