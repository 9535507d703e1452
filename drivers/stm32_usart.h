// STM32F1/F2/F4 USART (the register layout with SR and DR): polled functions for a bare console,
// and Stm32Usart, interrupt-driven and yield-based (uart.h).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "uart.h"

// Polled: enables the USART at `base` for transmitting at the divisor `brr` (the bus clock / baud).
// The caller has enabled its clock and routed its pin.
void stm32_usart_init(uintptr_t base, uint32_t brr);

// Polled: sends `len` bytes, waiting for an empty transmit register before each.
void stm32_usart_write(uintptr_t base, const char* text, size_t len);

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
