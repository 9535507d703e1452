// Nordic nRF52 UARTE (the UART with EasyDMA): interrupt-driven and yield-based (uart.h). Written for
// the nRF52840 DK; no QEMU machine has this block, so it is compiled but not run by `make check`.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "uart.h"

class Nrf52Uarte final : public Uart {
public:
    // The block at `base`; constant-initialised, so usable before constructors run. No register
    // is touched before init().
    constexpr explicit Nrf52Uarte(uintptr_t base) : base_(base) {}

    // Routes the UARTE to `tx_pin` and `rx_pin` (the board drives TX high first) at 115200 baud,
    // 8N1, enables it and starts reception with its interrupts; the board enables the NVIC line.
    // The high-frequency crystal must be running. Works, by polling, from here on.
    void init(uint32_t tx_pin, uint32_t rx_pin);

    // The handler of this UARTE's interrupt line.
    void interrupt();

private:
    void start_tx() override;
    void put_polled(uint8_t byte) override;
    void flush_polled() override;
    void send_next();

    uintptr_t base_;
    size_t tx_len_ = 0;             // bytes of the ring the transfer in flight sends; 0 when idle
    volatile uint8_t rx_byte_ = 0;  // EasyDMA moves data to and from RAM only: the byte received,
    uint8_t tx_byte_ = 0;           // and a polled byte, which may come from flash
};
