// A byte-stream SPI bus, full duplex, seen from its master: what an SPI device driver (sd_spi.h)
// needs and no more, so that it works on any controller a board has (pl022_spi.h). Chip selects
// are numbered by the board, which wires each to a pin; one transaction (select, transfers,
// deselect) at a time, held by acquire() so devices sharing the bus do not interleave.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "weft/mutex.h"
#include "weft/status.h"
#include "weft/time.h"

// What a bus has done since start-up. Each count wraps at 2^32.
struct SpiStats {
    uint32_t transfers;   // transfer() and transfer_polled() calls that moved bytes
    uint32_t bytes;       // bytes exchanged
    uint32_t waits;       // transfers that waited for the controller's interrupt
    uint32_t interrupts;  // handler runs
    uint32_t timeouts;    // transfers given up at their deadline, the rest of their bytes not sent
};

class SpiBus {
public:
    // Sent while receiving only (tx == nullptr): an SD card and most devices read it as idle.
    static constexpr uint8_t fill = 0xFF;

    SpiBus(const SpiBus&) = delete;
    SpiBus& operator=(const SpiBus&) = delete;

    // Takes the bus for one transaction, waiting up to `timeout` for another holder: ok or timeout.
    weft::Status acquire(weft::Timeout timeout = weft::forever) { return owner_.lock(timeout); }
    // Takes the bus if no one holds it: ok or would_block.
    weft::Status try_acquire() { return owner_.try_lock(); }
    // Gives the bus back.
    void release() { (void)owner_.unlock(); }

    // Drives chip select `device` active (true) or idle (false); an unknown number selects nothing.
    virtual void select(unsigned device, bool active) = 0;

    // Sets the clock to at most `hz`: the rate set, or 0 when even the slowest is faster.
    virtual uint32_t set_clock(uint32_t hz) = 0;

    // Exchanges `len` bytes: sends tx (or `fill` when tx is nullptr) and stores what comes back in
    // rx (dropped when rx is nullptr). In a coroutine it waits for the controller's interrupt,
    // letting others run, up to `timeout`: ok, or timeout with the bus idle again; anywhere else
    // it polls.
    virtual weft::Status transfer(const uint8_t* tx, uint8_t* rx, size_t len, weft::Timeout timeout) = 0;

    // The same exchange by polling, never yielding: ok, or timeout at the deadline. Safe anywhere.
    virtual weft::Status transfer_polled(const uint8_t* tx, uint8_t* rx, size_t len, weft::Timeout timeout) = 0;

    // The counters, read together.
    virtual SpiStats stats() const = 0;

protected:
    constexpr SpiBus() = default;
    ~SpiBus() = default;

private:
    weft::Mutex owner_;
};
