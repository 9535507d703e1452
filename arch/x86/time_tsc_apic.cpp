// Time, x86: the TSC counts, the local APIC's timer interrupts. Both rates are found at start-up,
// the TSC's from CPUID leaf 0x15 where the CPU gives it and otherwise, with the APIC timer's,
// against the PIT, whose 1.193182 MHz is the one rate every PC fixes. port_ticks() scales the TSC
// to PORT_TICK_HZ with a multiplier found then (a fixed-point fraction, 32 bits after the point),
// so the kernel's conversions stay constants. Tickless: the APIC timer is one-shot, or takes a TSC
// deadline where the CPU has that mode, and nothing is armed while nothing waits on time; a
// deadline beyond a one-shot count's reach interrupts early and is armed again from there.
#include "port.h"
#include "x86.h"

using namespace x86;

namespace {

constexpr uintptr_t apic = 0xFEE00000;
enum : uintptr_t {
    apic_eoi = 0xB0, apic_svr = 0xF0, lvt_timer = 0x320, lvt_lint0 = 0x350, lvt_lint1 = 0x360,
    lvt_error = 0x370, timer_initial = 0x380, timer_current = 0x390, timer_divide = 0x3E0,
};
constexpr uint32_t msr_apic_base = 0x1B, msr_tsc_deadline = 0x6E0;
constexpr uint32_t lvt_masked = 1u << 16, lvt_tsc_deadline = 2u << 17, lvt_extint = 7u << 8, lvt_nmi = 4u << 8;

// PIT channel 2, gated and read through port 0x61, counts this many of its ticks in a calibration:
// 5 ms, within one tick of 0.02%.
constexpr uint32_t pit_hz = 1193182, pit_count = 5966;

volatile uint32_t& apic_reg(uintptr_t offset) { return reg(apic + offset); }

// (value * fraction) >> 32, for a fraction below 2^63, without a 128-bit type on i386.
uint64_t scale(uint64_t value, uint64_t fraction) {
#if defined(__x86_64__)
    return static_cast<uint64_t>((static_cast<unsigned __int128>(value) * fraction) >> 32);
#else
    uint64_t v_lo = static_cast<uint32_t>(value), v_hi = value >> 32;
    uint64_t f_lo = static_cast<uint32_t>(fraction), f_hi = fraction >> 32;
    return ((v_hi * f_hi) << 32) + v_hi * f_lo + v_lo * f_hi + ((v_lo * f_lo) >> 32);
#endif
}

// ticks = tsc * to_ticks >> 32; tsc = ticks * to_tsc >> 32, rounded up; APIC timer counts =
// TSC cycles * to_apic >> 32. Set once by timer_start().
// Deadlines from tick_limit on lie beyond the TSC's 64 bits: never, in effect.
uint64_t to_ticks, to_tsc, to_apic, tick_limit;
bool deadline_mode;
uint64_t armed = UINT64_MAX;  // ticks

// `num` / `den` (below 2^31) as a fraction with 32 bits after the point, rounded up when asked: a
// bit at a time, since (num % den) << 32 overflows for rates above 4 GHz.
uint64_t fraction(uint64_t num, uint64_t den, bool up) {
    uint64_t q = num / den, r = num % den;
    for (int bit = 0; bit < 32; ++bit) {
        r <<= 1;
        q <<= 1;
        if (r >= den) {
            r -= den;
            q |= 1;
        }
    }
    return q + (up && r != 0);
}

// The TSC's rate from CPUID leaf 0x15 (crystal Hz times a ratio), or 0 where the CPU gives none.
uint64_t tsc_hz_from_cpuid() {
    if (cpuid(0).eax < 0x15) return 0;
    Cpuid leaf = cpuid(0x15);
    if (leaf.eax == 0 || leaf.ebx == 0 || leaf.ecx == 0) return 0;
    return uint64_t{leaf.ecx} * leaf.ebx / leaf.eax;
}

// Counts TSC cycles and APIC timer counts over pit_count ticks of the PIT.
void calibrate(uint64_t& tsc, uint32_t& apic_counts) {
    outb(0x61, static_cast<uint8_t>((inb(0x61) & ~0x02) | 0x01));  // channel 2's gate on, speaker off
    outb(0x43, 0xB0);                                                 // channel 2, mode 0, both bytes
    outb(0x42, pit_count & 0xFF);
    apic_reg(timer_initial) = UINT32_MAX;
    uint64_t start = rdtsc();
    outb(0x42, pit_count >> 8);  // counting starts with the second byte
    while ((inb(0x61) & 0x20) == 0) {}
    tsc = rdtsc() - start;
    apic_counts = UINT32_MAX - apic_reg(timer_current);
    apic_reg(timer_initial) = 0;
}

// Programs the timer for `armed`, which is not UINT64_MAX.
void program() {
    uint64_t target = armed < tick_limit ? scale(armed, to_tsc) + 1 : UINT64_MAX;
    if (deadline_mode) {
        wrmsr(msr_tsc_deadline, target);  // one in the past interrupts at once
        return;
    }
    uint64_t now = rdtsc();
    uint64_t ahead = target > now ? target - now : 0;
    uint64_t counts = ahead >= uint64_t{1} << 40 ? UINT32_MAX : scale(ahead, to_apic) + 1;
    apic_reg(timer_initial) = counts > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(counts);
}

}  // namespace

void x86::timer_start() {
    constexpr uint32_t has_tsc = 1u << 4, has_apic = 1u << 9;
    if ((cpuid(1).edx & (has_tsc | has_apic)) != (has_tsc | has_apic))
        port_panic("weft: this CPU has no TSC or no local APIC, which are its time source and timer");
    // The APIC on at its architectural address, its spurious vector set, the PICs' output taken
    // through LINT0 as ExtINT (virtual-wire mode) and NMI on LINT1, as a BIOS leaves them.
    wrmsr(msr_apic_base, (rdmsr(msr_apic_base) & ~uint64_t{0xFFF}) | apic | 1u << 11);
    apic_reg(apic_svr) = 0x100 | vector_spurious;
    apic_reg(lvt_lint0) = lvt_extint;
    apic_reg(lvt_lint1) = lvt_nmi;
    apic_reg(lvt_error) = lvt_masked;
    apic_reg(timer_divide) = 0xB;  // divide by 1
    apic_reg(lvt_timer) = lvt_masked;
    apic_reg(timer_initial) = 0;

    uint64_t tsc;
    uint32_t apic_counts;
    calibrate(tsc, apic_counts);
    uint64_t tsc_hz = tsc_hz_from_cpuid();
    if (tsc_hz == 0) tsc_hz = tsc * pit_hz / pit_count;
    to_ticks = fraction(PORT_TICK_HZ, tsc_hz, false);
    to_tsc = fraction(tsc_hz, PORT_TICK_HZ, true);
    tick_limit = scale(UINT64_MAX, to_ticks) - 1;
    to_apic = fraction(uint64_t{apic_counts} * pit_hz / pit_count, tsc_hz, true);

    deadline_mode = (cpuid(1).ecx & 1u << 24) != 0;
    apic_reg(lvt_timer) = vector_timer | (deadline_mode ? lvt_tsc_deadline : 0);
}

extern "C" uint64_t port_ticks() { return scale(rdtsc(), to_ticks); }

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
    if (port_ticks() < armed) {       // a deadline beyond one count's reach: the rest of the way
        program();
        return;
    }
    armed = UINT64_MAX;
    port_timer_expired();
}
