// ARM PrimeCell PL011 UART and its derivatives (TI Stellaris UART): interrupt-driven and yield-based
// (uart.h).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "uart.h"

class Pl011Uart final : public Uart {
public:
    // The block at `base`; constant-initialised, so usable before constructors run. No register
    // is touched before init().
    constexpr explicit Pl011Uart(uintptr_t base) : base_(base) {}

    // Enables both directions and the receive interrupts, keeping the baud rate and FIFO setting
    // the board chose; the board enables the NVIC line. The UART works, by polling, from here on.
    void init();

    // The handler of this UART's interrupt line.
    void interrupt();

private:
    void start_tx() override;
    void put_polled(uint8_t byte) override;
    void fill(unsigned most);

    uintptr_t base_;
};
