// Device interrupt N's handler, for a port whose interrupt controller gives the number (RISC-V's
// PLIC and ECLIC, the PC's PICs): irqN_handler (arch/irq_table.h),
// which a board or driver defines for the sources it uses; a source without one stops the system
// with its number. BOARD_IRQ_COUNT, from board.mk, sizes the table.
#include "irq_table.h"
#include "line.h"
#include "port.h"

#ifndef BOARD_IRQ_COUNT
#error "board.mk must give the number of interrupt sources: -DBOARD_IRQ_COUNT=<highest source + 1>"
#endif

#define WEFT_IRQ_WEAK(n) extern "C" [[gnu::weak]] void irq##n##_handler();
WEFT_IRQ_ALL(WEFT_IRQ_WEAK)

namespace {

// Null where no board or driver defines the handler.
constexpr weft_irq::Handler every_irq[] = {WEFT_IRQ_ALL(WEFT_IRQ_ENTRY)};
constexpr auto handlers = weft_irq::first<BOARD_IRQ_COUNT>(every_irq);

[[noreturn, gnu::cold]] void unexpected(unsigned irq) {
    char text[32];
    Line line(text, sizeof text);
    line << "unexpected interrupt ";
    port_panic(line.dec(irq).text());
}

}  // namespace

void weft_irq::dispatch(unsigned irq) {
    if (irq < BOARD_IRQ_COUNT && handlers.handlers[irq] != nullptr)
        handlers.handlers[irq]();
    else
        unexpected(irq);
}
