// A source of random bytes from hardware, into the caller's buffer, nothing allocated: what key
// generation or a seed needs, whichever device is underneath (virtio_rng.h). Every call returns a
// status.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "weft/time.h"

enum class EntropyStatus : uint8_t {
    ok,
    timeout,       // the deadline passed before `len` bytes came; the buffer holds what did
    busy,          // a try_ call found the device in use
    no_device,     // nothing answers
    not_ready,     // init() has not succeeded
    unsupported,   // the device answers but is of a kind this driver does not handle
    bad_argument,  // a null buffer
    device_error,  // the device stopped working
};

// A short lower-case name for `s`, for messages.
const char* to_string(EntropyStatus s);

class EntropySource {
public:
    EntropySource(const EntropySource&) = delete;
    EntropySource& operator=(const EntropySource&) = delete;

    // Starts the device, waiting up to `timeout`: ok, or why it cannot be used.
    virtual EntropyStatus init(weft::Timeout timeout) = 0;

    // Fills `buffer` with `len` random bytes, waiting up to `timeout`; other coroutines run
    // meanwhile. `*got` (when not null) is how many arrived, `len` unless it failed.
    virtual EntropyStatus read(uint8_t* buffer, size_t len, weft::Timeout timeout, size_t* got = nullptr) = 0;

    // read(), but busy at once if another coroutine has the device; the transfer is polled.
    virtual EntropyStatus try_read(uint8_t* buffer, size_t len, weft::Timeout timeout, size_t* got = nullptr) = 0;

protected:
    constexpr EntropySource() = default;
    ~EntropySource() = default;
};
