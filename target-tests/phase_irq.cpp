// The phase sweep's arming (phase_irq.h), the same on every arch: the handler is taken by the
// interrupt that runs it, so it runs once, and a disarm clears it under the mask, so an interrupt
// already pending afterwards finds nothing to run. A board whose arch file names no spare timer
// links the weak definitions below, and the sweep skips.
#include "phase_irq.h"

#include "port.h"

namespace {

void (*volatile pending_handler)();

}  // namespace

void weft::test::phase_irq::arm(Tick when, unsigned part, void (*handler)()) {
    timer::enable();
    port_irq_state s = port_irq_save();
    timer::stop();
    pending_handler = handler;
    const Tick at = now();
    timer::start(when > at ? when - at : 0, part);
    port_irq_restore(s);
}

void weft::test::phase_irq::disarm() {
    port_irq_state s = port_irq_save();
    timer::stop();
    pending_handler = nullptr;
    port_irq_restore(s);
}

void weft::test::phase_irq::fired() {
    void (*handler)() = pending_handler;
    pending_handler = nullptr;
    if (handler != nullptr) handler();
}

[[gnu::weak]] const char* weft::test::phase_irq::unavailable() {
    return "no spare timer named for this board (PHASE_IRQ_FLAGS in board.mk)";
}
[[gnu::weak]] weft::Tick weft::test::phase_irq::step() {
    return 1;
}
[[gnu::weak]] void weft::test::phase_irq::timer::enable() {}
[[gnu::weak]] void weft::test::phase_irq::timer::stop() {}
[[gnu::weak]] unsigned weft::test::phase_irq::split() {
    return 1;
}
[[gnu::weak]] void weft::test::phase_irq::timer::start(Tick, unsigned) {}
