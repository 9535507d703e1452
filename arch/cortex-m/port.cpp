// Cortex-M port: context set-up, idle, the SysTick time base and deadline, and the panic path.
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

// SysTick is a 24-bit down-counter: it reloads from RVR on the tick after it reaches 0. RVR stays at its
// maximum; a nearer deadline restarts the counter with a short first period, which loses the few
// cycles between reading and clearing it. A wrap shows as the count going up between two reads;
// COUNTFLAG would be simpler, but QEMU also sets it, with an extra interrupt, around some reloads
// (the one after a write to CVR among them), and hardware does not.
namespace {

constexpr uint32_t max_period = 1u << 24;
// A first period shorter than the restart itself could end unseen: a deadline that near fires late.
constexpr uint32_t min_period = 64;

uint64_t base;  // port_ticks() when the current period began
uint32_t period = max_period;
uint32_t last;  // the count at the last read
uint64_t deadline = UINT64_MAX;

// Call masked, and at least once a period (the wrap interrupt does), or a period is lost. A count of
// 0 is the last tick of a period and the reload follows it (QEMU shows 0 for a while, and its
// interrupt comes then): wait for the reload rather than guess, since two reads of 0 a whole
// period apart, one at each wrap interrupt, look the same as two reads of one 0.
uint64_t now() {
    uint32_t count;
    while ((count = reg(syst_cvr)) == 0) {}
    if (count > last) {
        base += period;
        period = max_period;
    }
    last = count;
    return base + period - count;
}

void restart(uint64_t at, uint32_t first) {
    reg(syst_rvr) = first - 1;
    reg(syst_cvr) = 0;
    uint32_t count;
    while ((count = reg(syst_cvr)) == 0) {}  // loaded with first - 1: later periods may be long again
    reg(syst_rvr) = max_period - 1;
    base = at;
    period = first;
    last = count;
}

// Makes the counter reach 0 no later than the deadline; a far one takes several periods.
void schedule(uint64_t at) {
    uint64_t want = deadline - at > max_period ? at + max_period : deadline;
    if (base + period <= want) return;
    uint64_t first = want - at;
    restart(at, first < min_period ? min_period : static_cast<uint32_t>(first));
}

}  // namespace

void cortex_m::timer_start() {
    // The lowest priority, as on the host: a device interrupt and the timer pending together, the
    // device's handler runs first, so a wake-up at a timeout's own tick wins over the timeout.
    reg(shpr3) |= 0xFFu << 24;
    reg(syst_rvr) = max_period - 1;
    reg(syst_csr) = 7;  // core clock, interrupt at 0, enabled
    restart(0, max_period);
}

extern "C" void SysTick_Handler() {
    port_irq_state s = port_irq_save();
    uint64_t at = now();
    bool due = at >= deadline;
    if (due) deadline = UINT64_MAX;
    schedule(at);
    port_irq_restore(s);
    if (due) port_timer_expired();
}

extern "C" uint64_t port_ticks() {
    port_irq_state s = port_irq_save();
    uint64_t at = now();
    port_irq_restore(s);
    return at;
}

extern "C" void port_timer_arm(uint64_t when) {
    port_irq_state s = port_irq_save();
    deadline = when;
    uint64_t at = now();
    if (at >= when)
        reg(icsr) = icsr_pendstset;  // the handler finds it due
    else
        schedule(at);
    port_irq_restore(s);
}

// QEMU has no DWT cycle counter, and ARMv6-M none at all; SysTick counts core cycles everywhere.
extern "C" uint64_t port_cycles() { return port_ticks(); }

extern "C" void port_panic(const char* message) {
    port_irq_save();
    board_console_write(message, strlen(message));
    board_console_write("\n", 1);
    board_exit(exit_panic);
}
