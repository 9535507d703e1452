// ARM CMSDK APB UART (MPS2 and MPS2+ FPGA images, Corstone SSE-200): a one-byte buffer each way,
// an RX and a TX interrupt line, and on some images one line combining both. Interrupt-driven and
// yield-based (uart.h).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "uart.h"

class CmsdkUart final : public Uart {
public:
    // The block at `base`; constant-initialised, so usable before constructors run. No register
    // is touched before init().
    constexpr explicit CmsdkUart(uintptr_t base) : base_(base) {}

    // Enables both directions at the divisor `bauddiv` (the APB clock / baud; >= 16) and the receive
    // interrupt; the board enables the NVIC lines. The UART works, by polling, from here on.
    void init(uint32_t bauddiv);

    // The handler of each of this UART's interrupt lines: RX, TX, or the combined one.
    void interrupt();

private:
    void start_tx() override;
    void put_polled(uint8_t byte) override;

    uintptr_t base_;
};
