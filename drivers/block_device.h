// A block device: fixed-size blocks addressed by number (LBA), read and written whole into the
// caller's buffers, nothing allocated. What a file system or a logger needs of any storage, so an
// application does not care whether an SD card (sd_spi.h) or something else is underneath. Every
// call returns a status; a call that fails leaves the device's contents as they were, except for
// the blocks a write reported done before it failed (none, for every failure found before the
// first block is sent).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "weft/time.h"

enum class BlockStatus : uint8_t {
    ok,
    timeout,       // the deadline passed first; blocks not yet sent were not written
    busy,          // a try_ call found the device in use
    no_device,     // nothing answers: no card in the slot, or nothing wired
    not_ready,     // init() has not succeeded
    unsupported,   // the device answers but is of a kind this driver does not handle
    out_of_range,  // a block past the end, or a count reaching past it; nothing was sent
    bad_argument,  // a null buffer
    crc_error,     // data came back with a wrong checksum, or the device saw one in what was sent
    device_error,  // the device answered with an error
};

// A short lower-case name for `s`, for messages.
const char* to_string(BlockStatus s);

class BlockDevice {
public:
    BlockDevice(const BlockDevice&) = delete;
    BlockDevice& operator=(const BlockDevice&) = delete;

    // Starts the device, waiting up to `timeout`: ok, or why it cannot be used. Again after a
    // failure, or to restart it; every other call is not_ready until this succeeds.
    virtual BlockStatus init(weft::Timeout timeout) = 0;

    // Bytes per block (512 for SD cards).
    virtual size_t block_size() const = 0;

    // Blocks on the device: valid LBAs are 0 to block_count() - 1. 0 until init() succeeds.
    virtual uint32_t block_count() const = 0;

    // Reads `count` blocks from `lba` into `buffer` (count * block_size() bytes), waiting up to
    // `timeout` for the device and for the data; other coroutines run meanwhile.
    virtual BlockStatus read(uint32_t lba, uint8_t* buffer, size_t count, weft::Timeout timeout) = 0;

    // Writes `count` blocks from `buffer` at `lba`, waiting up to `timeout`, until the device has
    // taken and programmed them.
    virtual BlockStatus write(uint32_t lba, const uint8_t* buffer, size_t count, weft::Timeout timeout) = 0;

    // read(), but busy at once if another coroutine has the device (or its bus), never waiting
    // for it; the transfer itself is polled, without yielding.
    virtual BlockStatus try_read(uint32_t lba, uint8_t* buffer, size_t count, weft::Timeout timeout) = 0;

    // write(), on the same terms as try_read().
    virtual BlockStatus try_write(uint32_t lba, const uint8_t* buffer, size_t count, weft::Timeout timeout) = 0;

protected:
    constexpr BlockDevice() = default;
    ~BlockDevice() = default;
};
