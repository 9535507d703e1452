// A virtio entropy device (virtio 1.x, section 5.4) behind the EntropySource interface, over the
// virtio-mmio transport: one request queue in the object (static storage). Each request is one
// device-writable buffer, the caller's, which the device fills with as many bytes as it has;
// read() repeats until `len` came, waiting on the used-ring interrupt (interrupt() from the
// board's handler) between requests; try_read() polls.
#pragma once

#include "entropy_source.h"
#include "virtio_mmio.h"
#include "virtqueue.h"
#include "weft/event.h"
#include "weft/mutex.h"

class VirtioRng final : public EntropySource {
public:
    constexpr explicit VirtioRng(const virtio::Slots& slots) : slots_(slots) {}

    // Finds the device among the board's slots and starts it: no_device if no slot holds one,
    // unsupported for a legacy (version 1) device.
    EntropyStatus init(weft::Timeout timeout) override;
    EntropyStatus read(uint8_t* buffer, size_t len, weft::Timeout timeout, size_t* got = nullptr) override;
    EntropyStatus try_read(uint8_t* buffer, size_t len, weft::Timeout timeout, size_t* got = nullptr) override;

    // The interrupt line of the slot it was found in, 0 before init() found it.
    unsigned irq() const { return transport_.irq(); }

    // The handler's part, for the board's handler of irq(): acknowledges and wakes. Nothing else.
    void interrupt();

    // Requests completed, and interrupts taken.
    uint32_t requests() const { return requests_; }
    uint32_t interrupts() const { return interrupts_; }

private:
    EntropyStatus fill(uint8_t* buffer, size_t len, weft::Timeout timeout, size_t* got, bool polled);
    EntropyStatus start_queue();
    bool take(bool waits, weft::Timeout timeout);
    void give();

    virtio::Slots slots_;
    virtio::VirtioMmio transport_;
    virtio::Virtqueue<2> queue_;
    weft::Mutex lock_;
    weft::Event done_{true};
    uint32_t requests_ = 0;
    uint32_t interrupts_ = 0;
    bool ready_ = false;
};
