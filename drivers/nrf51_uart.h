// Nordic nRF51 UART (not UARTE): interrupt-driven and yield-based (uart.h).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "uart.h"

class Nrf51Uart final : public Uart {
public:
    // The block at `base`; constant-initialised, so usable before constructors run. No register
    // is touched before init().
    constexpr explicit Nrf51Uart(uintptr_t base) : base_(base) {}

    // Enables the UART on pins `tx_pin` and `rx_pin` at 115200 baud, starts both directions and the
    // receive and error interrupts; the board enables the NVIC line. Works, by polling, from here on.
    void init(uint32_t tx_pin, uint32_t rx_pin);

    // The handler of this UART's interrupt line.
    void interrupt();

private:
    void start_tx() override;
    void put_polled(uint8_t byte) override;
    void flush_polled() override;
    void rx_resume() override;
    void send_next();

    uintptr_t base_;
    bool tx_busy_ = false;  // a byte from the ring is on its way: TXD takes the next one only after TXDRDY
};
