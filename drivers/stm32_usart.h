// STM32F1/F2/F4 USART (the register layout with SR and DR), and the GD32VF103's, which has the
// STM32F1's layout and bits under other names (STAT, DATA, BAUD, CTL0): interrupt-driven and
// yield-based (uart.h).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "uart.h"

class Stm32Usart final : public Uart {
public:
    // The block at `base`; constant-initialised, so usable before constructors run. No register
    // is touched before init().
    constexpr explicit Stm32Usart(uintptr_t base) : base_(base) {}

    // Enables both directions at the divisor `brr` and the receive interrupt; the board has enabled
    // the clock and routed the pins, and enables the interrupt line (NVIC, ECLIC). Works, by
    // polling, from here on.
    void init(uint32_t brr);

    // The handler of this USART's interrupt line.
    void interrupt();

private:
    void start_tx() override;
    void put_polled(uint8_t byte) override;
    void send();

    uintptr_t base_;
};
