// Microchip (Atmel) AT24C serial EEPROMs, and the many parts that copy them, on any I2cBus.
// Writes are split so that none crosses a page, which the chip would wrap to the page's start; after
// each page the chip spends a few milliseconds writing, refusing its address meanwhile, so the next
// step waits for its acknowledge (acknowledge polling).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "i2c_bus.h"

// A chip's shape, from its data sheet.
struct At24cGeometry {
    uint32_t size;          // bytes
    uint16_t page;          // bytes written at most in one transaction, a power of two
    uint8_t address_bytes;  // memory address bytes sent first: 1 up to the 24C16, 2 above
};

// Common parts.
inline constexpr At24cGeometry at24c02{256, 8, 1};
inline constexpr At24cGeometry at24c32{4096, 32, 2};
inline constexpr At24cGeometry at24c256{32768, 64, 2};

class At24c {
public:
    // Pages above this are not supported: a page write is copied, with its address, to the stack.
    static constexpr uint16_t max_page = 128;
    // How long a page write may keep the chip silent, and the pause between acknowledge polls.
    static constexpr weft::Tick write_cycle_limit = weft::tick_hz / 50;
    static constexpr weft::Tick poll_interval = weft::tick_hz / 2000 > 0 ? weft::tick_hz / 2000 : 1;

    // The chip at 7-bit `address` on `bus`. Memory address bits above `address_bytes` go in the
    // device address's low bits, as the 24C04 to 24C16 want.
    constexpr At24c(I2cBus& bus, uint8_t address, At24cGeometry geometry)
        : bus_(bus), address_(address), geometry_(geometry) {}

    // Reads `len` bytes from memory address `at`: ok, or how it failed (bad_argument, nothing
    // read, when the range passes the end or the geometry is one this driver does not take).
    I2cStatus read(uint32_t at, uint8_t* data, size_t len, weft::Timeout timeout = weft::forever);

    // Writes `len` bytes at `at`, a page at a time, and returns once the chip has written them all
    // (or failed). A chip that refuses the first page's address is absent, or busy with a write
    // another bus master started: nack. bad_argument, nothing written, as for read().
    I2cStatus write(uint32_t at, const uint8_t* data, size_t len, weft::Timeout timeout = weft::forever);

    // Page writes done and acknowledge polls the chip refused, since start-up.
    uint32_t pages_written() const { return pages_; }
    uint32_t busy_polls() const { return busy_polls_; }

    const At24cGeometry& geometry() const { return geometry_; }

private:
    bool fits(uint32_t at, size_t len) const;
    uint8_t device(uint32_t at) const;
    size_t put_address(uint32_t at, uint8_t* out) const;
    I2cStatus wait_written(weft::Timeout timeout);

    I2cBus& bus_;
    uint8_t address_;
    At24cGeometry geometry_;
    uint32_t pages_ = 0;
    uint32_t busy_polls_ = 0;
};
