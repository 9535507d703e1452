// A byte-stream I2C master, whatever the chip: a write, a read, or a write then a read joined by a
// repeated start, to one 7-bit address. A driver for one controller (stellaris_i2c.h) derives from
// I2cBus and runs a transaction on the wire; this part checks the request and lets one coroutine at
// a time have the bus. Buffers are the caller's and stay in use only until the call returns.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "weft/mutex.h"
#include "weft/time.h"

// How a transfer ended. On anything but ok the bus has been released (a STOP sent) and the next
// transfer starts afresh; bytes read before the failure may be in the buffer, but count for nothing.
enum class I2cStatus : uint8_t {
    ok,
    nack,              // the address went unanswered (no such device, or one busy in a write cycle),
                       // or the device refused a byte it was sent
    arbitration_lost,  // another master took the bus; nothing of this transfer was done
    timed_out,         // the deadline passed first, waiting for the bus or for the wire
    busy,              // try_transfer(): another coroutine's transfer holds the bus
    bad_argument,      // an address above 0x7F, or a transfer of no bytes: nothing was sent
};

// A short lower-case name for `s`, for messages.
const char* to_string(I2cStatus s);

// One transaction: `tx_len` bytes of `tx` written to `address`, then, if `rx_len` is not 0, `rx_len`
// bytes read into `rx` after a repeated start; either may be empty, not both.
struct I2cTransfer {
    uint8_t address;
    const uint8_t* tx;
    size_t tx_len;
    uint8_t* rx;
    size_t rx_len;
};

class I2cBus {
public:
    I2cBus(const I2cBus&) = delete;
    I2cBus& operator=(const I2cBus&) = delete;

    // Runs `t`, waiting up to `timeout` for the bus and then for the wire. Outside a coroutine (and
    // with interrupts masked) the driver polls, with the same deadline.
    I2cStatus transfer(const I2cTransfer& t, weft::Timeout timeout = weft::forever);

    // As transfer(), but busy at once, nothing sent, when another coroutine holds the bus.
    I2cStatus try_transfer(const I2cTransfer& t, weft::Timeout timeout = weft::forever);

    // Writes `len` bytes to `address`.
    I2cStatus write(uint8_t address, const uint8_t* data, size_t len, weft::Timeout timeout = weft::forever) {
        return transfer({address, data, len, nullptr, 0}, timeout);
    }

    // Reads `len` bytes from `address`.
    I2cStatus read(uint8_t address, uint8_t* data, size_t len, weft::Timeout timeout = weft::forever) {
        return transfer({address, nullptr, 0, data, len}, timeout);
    }

    // Writes `tx_len` bytes, then reads `rx_len` after a repeated start: a register or memory read.
    I2cStatus write_read(uint8_t address, const uint8_t* tx, size_t tx_len, uint8_t* rx, size_t rx_len,
                         weft::Timeout timeout = weft::forever) {
        return transfer({address, tx, tx_len, rx, rx_len}, timeout);
    }

    // As try_transfer(), but by polling the controller with interrupts masked, never yielding:
    // for code that runs with them masked, and the reference the interrupt-driven path is measured
    // against. The deadline counts only while the clock runs (docs/drivers.md).
    I2cStatus transfer_polled(const I2cTransfer& t, weft::Timeout timeout = weft::forever);

protected:
    constexpr I2cBus() = default;
    ~I2cBus() = default;

    // With the bus held and `t` checked: runs it on the wire until done or `timeout`, leaving the
    // controller idle whatever happened.
    virtual I2cStatus exchange(const I2cTransfer& t, weft::Timeout timeout) = 0;
    // The same, by polling with interrupts masked.
    virtual I2cStatus exchange_polled(const I2cTransfer& t, weft::Timeout timeout) = 0;

private:
    weft::Mutex held_;
};
