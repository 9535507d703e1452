// Time, x86: the TSC counts, the local APIC's timer interrupts. Both rates are found at start-up,
// the TSC's from CPUID leaf 0x15 where the CPU gives it and otherwise, with the APIC timer's,
// against the PIT, whose 1.193182 MHz is the one rate every PC fixes. port_ticks() scales the TSC
// to PORT_TICK_HZ with a multiplier found then (a fixed-point fraction, 32 bits after the point),
// so the kernel's conversions stay constants. Tickless: the APIC timer is one-shot, or takes a TSC
// deadline where the CPU has that mode, and nothing is armed while nothing waits on time; a
// deadline beyond the timer's reach interrupts early and is armed again from there.
#include "port.h"
#include "tsc_scale.h"
#include "x86.h"

using namespace x86;

namespace {

constexpr uintptr_t apic = 0xFEE00000;
enum : uintptr_t {
    apic_tpr = 0x80, apic_eoi = 0xB0, apic_svr = 0xF0, lvt_timer = 0x320, lvt_thermal = 0x330,
    lvt_perf = 0x340, lvt_lint0 = 0x350, lvt_lint1 = 0x360, lvt_error = 0x370, timer_initial = 0x380,
    timer_current = 0x390, timer_divide = 0x3E0,
};
constexpr uint32_t msr_apic_base = 0x1B, msr_tsc_deadline = 0x6E0;
constexpr uint64_t apic_base_bsp = 1u << 8, apic_base_x2apic = 1u << 10, apic_base_enable = 1u << 11;
constexpr uint32_t lvt_masked = 1u << 16, lvt_tsc_deadline = 2u << 17, lvt_extint = 7u << 8, lvt_nmi = 4u << 8;

// PIT channel 2, gated and read through port 0x61, counts this many of its ticks in a calibration:
// 5 ms. In mode 0 its output rises pit_count + 1 ticks after the count is written.
constexpr uint32_t pit_hz = 1193182, pit_count = 5966;

volatile uint32_t& apic_reg(uintptr_t offset) { return reg(apic + offset); }

// The TSC as ticks (tsc_scale.h), and APIC timer counts for a span of TSC cycles = cycles * to_apic
// >> 32. Set once by timer_start().
TscScale tsc_scale;
uint64_t to_apic;
bool deadline_mode;
uint64_t armed = UINT64_MAX;  // ticks

// The TSC's rate from CPUID leaf 0x15 (crystal Hz times a ratio), or 0 where the CPU gives none.
uint64_t tsc_hz_from_cpuid() {
    if (cpuid(0).eax < 0x15) return 0;
    Cpuid leaf = cpuid(0x15);
    if (leaf.eax == 0 || leaf.ebx == 0 || leaf.ecx == 0) return 0;
    return uint64_t{leaf.ecx} * leaf.ebx / leaf.eax;
}

// Counts TSC cycles and APIC timer counts over pit_count + 1 ticks of the PIT; false if channel 2
// never finished (chipsets that gate its clock), after far longer than it should take.
bool calibrate(uint64_t& tsc, uint32_t& apic_counts) {
    outb(0x61, static_cast<uint8_t>((inb(0x61) & ~0x02) | 0x01));  // channel 2's gate on, speaker off
    outb(0x43, 0xB0);                                                 // channel 2, mode 0, both bytes
    outb(0x42, pit_count & 0xFF);
    apic_reg(timer_initial) = UINT32_MAX;
    uint64_t start = rdtsc();
    outb(0x42, pit_count >> 8);  // counting starts with the second byte
    uint32_t polls = 0;
    while ((inb(0x61) & 0x20) == 0)
        if (++polls == 1u << 24) return false;  // each `in` takes a microsecond or so: 16 s
    tsc = rdtsc() - start;
    apic_counts = UINT32_MAX - apic_reg(timer_current);
    apic_reg(timer_initial) = 0;
    return true;
}

// Programs the timer for `armed`, which is not UINT64_MAX, relative to now, never early.
void program() {
    uint64_t now = rdtsc(), cycles = tsc_scale.cycles_until(now, armed);
    if (deadline_mode) {
        wrmsr(msr_tsc_deadline, now + cycles);
        return;
    }
    uint64_t counts = scale(cycles, to_apic) + 1;
    apic_reg(timer_initial) = counts > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(counts);
}

}  // namespace

void x86::timer_start() {
    constexpr uint32_t has_tsc = 1u << 4, has_apic = 1u << 9;
    if ((cpuid(1).edx & (has_tsc | has_apic)) != (has_tsc | has_apic))
        port_panic("weft: this CPU has no TSC or no local APIC, which are its time source and timer");
    // The APIC on, in xAPIC mode (from x2APIC only through disabled, as the SDM requires), at its
    // architectural address; the spurious vector set; nothing held back by the task priority; the
    // PICs' output taken through LINT0 as ExtINT (virtual-wire mode) and NMI on LINT1, as a BIOS
    // leaves them; the LVT entries Weft does not use masked.
    uint64_t base = rdmsr(msr_apic_base);
    if (base & apic_base_x2apic) wrmsr(msr_apic_base, base & ~(apic_base_x2apic | apic_base_enable));
    wrmsr(msr_apic_base, (base & apic_base_bsp) | apic | apic_base_enable);
    apic_reg(apic_svr) = 0x100 | vector_spurious;
    apic_reg(apic_tpr) = 0;
    apic_reg(lvt_lint0) = lvt_extint;
    apic_reg(lvt_lint1) = lvt_nmi;
    apic_reg(lvt_error) = lvt_masked;
    apic_reg(lvt_thermal) = lvt_masked;
    apic_reg(lvt_perf) = lvt_masked;
    apic_reg(timer_divide) = 0xB;  // divide by 1
    apic_reg(lvt_timer) = lvt_masked;
    apic_reg(timer_initial) = 0;

    deadline_mode = (cpuid(1).ecx & 1u << 24) != 0;
    uint64_t tsc_hz = tsc_hz_from_cpuid(), tsc = 0;
    uint32_t apic_counts = 0;
    if (!calibrate(tsc, apic_counts) && (tsc_hz == 0 || !deadline_mode))
        port_panic("weft: the PIT's channel 2 does not count, and nothing else gives the timer's rates");
    if (tsc_hz == 0) tsc_hz = tsc * pit_hz / (pit_count + 1);
    tsc_scale = TscScale::of(tsc_hz, PORT_TICK_HZ);
    if (!deadline_mode) to_apic = fraction(apic_counts, tsc, true);  // the same window, whatever gave tsc_hz

    apic_reg(lvt_timer) = vector_timer | (deadline_mode ? lvt_tsc_deadline : 0);
    // The SDM: in xAPIC mode, the LVT write that selects TSC-deadline mode must be ordered before
    // any later write of IA32_TSC_DEADLINE, which WRMSR alone does not do. CPUs with the mode
    // have SSE2.
    if (deadline_mode) __asm__ volatile("mfence" ::: "memory");
}

extern "C" uint64_t port_ticks() { return tsc_scale.ticks(rdtsc()); }

extern "C" void port_timer_arm(uint64_t deadline) {
    armed = deadline;
    if (deadline != UINT64_MAX)
        program();
    else if (deadline_mode)
        wrmsr(msr_tsc_deadline, 0);
    else
        apic_reg(timer_initial) = 0;
}

void x86::timer_interrupt() {
    apic_reg(apic_eoi) = 0;
    if (armed == UINT64_MAX) return;  // cancelled after it fired
    if (port_ticks() < armed) {       // a deadline beyond the timer's reach: the rest of the way
        program();
        return;
    }
    armed = UINT64_MAX;
    port_timer_expired();
}
