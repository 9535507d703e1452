// SiFive UART (FE310, and the SiFive cores' SoCs): 8-entry FIFOs each way, watermark interrupts
// and one interrupt line. Interrupt-driven and yield-based (uart.h).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "uart.h"

class SifiveUart final : public Uart {
public:
    // The block at `base`; constant-initialised, so usable before constructors run. No register
    // is touched before init().
    constexpr explicit SifiveUart(uintptr_t base) : base_(base) {}

    // Enables both directions at the divisor `div` (the bus clock / baud - 1) and the receive
    // interrupt; the board enables the interrupt line. Works, by polling, from here on.
    void init(uint32_t div);

    // The handler of this UART's interrupt line.
    void interrupt();

private:
    void start_tx() override;
    void put_polled(uint8_t byte) override;
    void fill();

    uintptr_t base_;
};
