// ARM PrimeCell PL022 synchronous serial port (TI Stellaris SSI) as an SPI master, 8-bit frames,
// mode 0 (clock idle low, data taken on the rising edge): interrupt-driven and yield-based
// (spi_bus.h). Chip selects are the board's pins, driven through the function it gives.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "spi_bus.h"
#include "weft/event.h"

class Pl022Spi final : public SpiBus {
public:
    // Drives chip select `device` active or idle.
    using SelectFn = void (*)(unsigned device, bool active);

    // Transfers shorter than this are polled: the controller raises its receive interrupt only
    // once its FIFO holds this many frames, and a wait would cost more than the bytes.
    static constexpr size_t min_interrupt_transfer = 4;

    // The block at `base`, clocked at `clock_hz`, its chip selects driven by `select_fn`;
    // constant-initialised. No register is touched before init().
    constexpr Pl022Spi(uintptr_t base, uint32_t clock_hz, SelectFn select_fn)
        : base_(base), clock_hz_(clock_hz), select_fn_(select_fn) {}

    // Sets master mode, 8-bit frames, mode 0, the clock at most `hz`, and enables the port with
    // its interrupts masked; the board enables the NVIC line. Transfers work from here on.
    void init(uint32_t hz);

    // The handler of this port's interrupt line.
    void interrupt();

    void select(unsigned device, bool active) override { select_fn_(device, active); }
    uint32_t set_clock(uint32_t hz) override;
    weft::Status transfer(const uint8_t* tx, uint8_t* rx, size_t len, weft::Timeout timeout) override;
    weft::Status transfer_polled(const uint8_t* tx, uint8_t* rx, size_t len, weft::Timeout timeout) override;
    SpiStats stats() const override;

private:
    // Moves frames between the FIFOs and the transfer in progress; true once it is complete.
    bool pump();
    // Drops what the FIFOs still hold of an abandoned transfer.
    void drain();

    uintptr_t base_;
    uint32_t clock_hz_;
    SelectFn select_fn_;
    // The transfer the handler is running (len_ == 0: none).
    const uint8_t* tx_ = nullptr;
    uint8_t* rx_ = nullptr;
    size_t len_ = 0, sent_ = 0, received_ = 0;
    weft::Event done_{true};
    SpiStats stats_{};
};
