// The phase sweep's spare interrupt (target-tests/phase_irq.h) on the x86 boards: none yet, so the sweep
// skips with this reason.
#include "phase_irq.h"

const char* weft::test::phase_irq::unavailable() {
    return "no spare interrupt source wired up on x86 yet (the local APIC timer is the kernel's)";
}
void weft::test::phase_irq::arm(Tick, void (*)()) {}
void weft::test::phase_irq::disarm() {}
