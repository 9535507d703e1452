// The phase sweep's spare interrupt (target-tests/phase_irq.h) on the RISC-V boards: none yet, so the sweep
// skips with this reason.
#include "phase_irq.h"

const char* weft::test::phase_irq::unavailable() {
    return "no spare interrupt source wired up on RISC-V yet (the CLINT's timer is the kernel's)";
}
void weft::test::phase_irq::arm(Tick, void (*)()) {}
void weft::test::phase_irq::disarm() {}
