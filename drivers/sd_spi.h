// An SD card in SPI mode (SD Physical Layer Simplified Specification, chapter 7) as a block device
// of 512-byte blocks, on any SpiBus: SDSC (byte-addressed, version 1 or 2) and SDHC/SDXC
// (block-addressed). Commands carry their CRC7 always, so a card with CRC checking on takes them;
// data blocks carry their CRC16 both ways, and a block read with a wrong one is a crc_error. Every
// call takes the bus for its whole transaction; call them in a coroutine.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "block_device.h"
#include "spi_bus.h"

class SdSpi final : public BlockDevice {
public:
    static constexpr size_t block_bytes = 512;
    // The clock while the card starts: the specification allows 100 to 400 kHz.
    static constexpr uint32_t init_hz = 400000;

    // The card behind chip select `device` of `bus`, run at up to `hz` once started;
    // constant-initialised. Nothing is sent before init().
    constexpr SdSpi(SpiBus& bus, unsigned device, uint32_t hz) : bus_(bus), device_(device), hz_(hz) {}

    // Starts the card (CMD0, CMD8, ACMD41 until ready, CMD58, CMD16 on SDSC, CMD9 for the size),
    // waiting up to `timeout`: ok, no_device (no answer), unsupported (a voltage range or card kind
    // not handled), device_error, crc_error or timeout. Again after a failure, or to restart a card.
    BlockStatus init(weft::Timeout timeout) override;

    size_t block_size() const override { return block_bytes; }
    uint32_t block_count() const override { return blocks_; }
    BlockStatus read(uint32_t lba, uint8_t* buffer, size_t count, weft::Timeout timeout) override;
    BlockStatus write(uint32_t lba, const uint8_t* buffer, size_t count, weft::Timeout timeout) override;
    BlockStatus try_read(uint32_t lba, uint8_t* buffer, size_t count, weft::Timeout timeout) override;
    BlockStatus try_write(uint32_t lba, const uint8_t* buffer, size_t count, weft::Timeout timeout) override;

    // True for a block-addressed card (SDHC, SDXC); meaningful after init().
    bool high_capacity() const { return high_capacity_; }
    // The last answer that failed a call (an R1, a data error token or a data response), for
    // messages: 0 when none has.
    uint8_t last_error() const { return last_error_; }

private:
    // One read (into) or write (from) transaction, after the checks every call makes.
    BlockStatus run(uint32_t lba, uint8_t* into, const uint8_t* from, size_t count, weft::Timeout timeout, bool polled);
    BlockStatus start(weft::Timeout timeout);
    BlockStatus read_blocks(uint32_t lba, uint8_t* buffer, size_t count, weft::Timeout timeout);
    BlockStatus write_blocks(uint32_t lba, const uint8_t* buffer, size_t count, weft::Timeout timeout);
    BlockStatus command(uint8_t index, uint32_t arg, uint8_t& r1, weft::Timeout timeout);
    BlockStatus receive(uint8_t* data, size_t len, weft::Timeout timeout);
    BlockStatus send_block(uint8_t token, const uint8_t* data, weft::Timeout timeout);
    BlockStatus wait_idle(weft::Timeout timeout);
    BlockStatus xfer(const uint8_t* tx, uint8_t* rx, size_t len, weft::Timeout timeout);
    BlockStatus byte(uint8_t& in, weft::Timeout timeout, uint8_t out = SpiBus::fill);
    BlockStatus failed(uint8_t answer, BlockStatus status);
    void pause(unsigned polls);
    void end();

    SpiBus& bus_;
    unsigned device_;
    uint32_t hz_;
    uint32_t blocks_ = 0;
    bool ready_ = false;
    bool high_capacity_ = false;
    bool polled_ = false;  // the transaction in progress is a try_ one: no yielding
    uint8_t last_error_ = 0;
};
