// TI Stellaris I2C master (LM3S6965 I2C0 and I2C1): interrupt-driven and yield-based (i2c_bus.h).
// The handler runs the transaction a byte at a time, each byte's completion interrupt issuing the
// next command; the coroutine that started it waits on an event the last one sets.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "i2c_bus.h"
#include "weft/event.h"

class StellarisI2c final : public I2cBus {
public:
    // The master block at `base`; constant-initialised. No register is touched before init().
    constexpr explicit StellarisI2c(uintptr_t base) : base_(base) {}

    // Enables the master with SCL at no more than `scl_hz` from a `clock_hz` system clock, and its
    // interrupt; the board gates the block's clock, sets up the pins and enables the NVIC line.
    void init(uint32_t clock_hz, uint32_t scl_hz);

    // The handler of this controller's interrupt line.
    void interrupt();

    // Handler runs since start-up (wraps at 2^32).
    uint32_t interrupts() const { return interrupts_; }

private:
    I2cStatus exchange(const I2cTransfer& t, weft::Timeout timeout) override;
    I2cStatus exchange_polled(const I2cTransfer& t, weft::Timeout timeout) override;
    void begin(const I2cTransfer& t);
    void advance();
    void issue(uint32_t command);
    void fail(uint32_t mcs);
    void abort();
    void finish(I2cStatus s);

    uintptr_t base_;
    // The transfer in flight, or nullptr; written with interrupts masked or by the handler.
    const I2cTransfer* volatile t_ = nullptr;
    size_t sent_ = 0;
    size_t got_ = 0;
    bool reading_ = false;   // the read phase has started
    bool stopping_ = false;  // the command in flight ends with a STOP
    I2cStatus status_ = I2cStatus::ok;
    weft::Event finished_{true};
    uint32_t interrupts_ = 0;
};
