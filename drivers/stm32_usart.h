// STM32F1/F2/F4 USART (the register layout with SR and DR): interrupt-driven and yield-based
// (uart.h).
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
    // the clock and routed the pins, and enables the NVIC line. Works, by polling, from here on.
    void init(uint32_t brr);

    // The handler of this USART's interrupt line.
    void interrupt();

private:
    void start_tx() override;
    void put_polled(uint8_t byte) override;
    void send();

    uintptr_t base_;
};
