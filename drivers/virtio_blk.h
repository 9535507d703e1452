// A virtio block device (virtio 1.x, section 5.2) behind the BlockDevice interface, over the
// virtio-mmio transport: one request queue of a few descriptors in the object (static storage),
// one request at a time. read() and write() submit the request and wait on an event the used-ring
// interrupt sets (interrupt() from the board's handler), so other coroutines run meanwhile;
// try_read() and try_write() poll the used ring instead.
#pragma once

#include "block_device.h"
#include "virtio_mmio.h"
#include "virtqueue.h"
#include "weft/event.h"
#include "weft/mutex.h"

class VirtioBlk final : public BlockDevice {
public:
    static constexpr size_t sector_size = 512;

    constexpr explicit VirtioBlk(const virtio::Slots& slots) : slots_(slots) {}

    // Finds the device among the board's slots and starts it: no_device if no slot holds one,
    // unsupported for a legacy (version 1) device or one that refuses virtio 1.x.
    BlockStatus init(weft::Timeout timeout) override;
    size_t block_size() const override { return sector_size; }
    uint32_t block_count() const override { return block_count_; }
    BlockStatus read(uint32_t lba, uint8_t* buffer, size_t count, weft::Timeout timeout) override;
    BlockStatus write(uint32_t lba, const uint8_t* buffer, size_t count, weft::Timeout timeout) override;
    BlockStatus try_read(uint32_t lba, uint8_t* buffer, size_t count, weft::Timeout timeout) override;
    BlockStatus try_write(uint32_t lba, const uint8_t* buffer, size_t count, weft::Timeout timeout) override;

    // True if the device refuses writes (VIRTIO_BLK_F_RO): write() is then device_error.
    bool read_only() const { return read_only_; }

    // The interrupt line of the slot it was found in, 0 before init() found it.
    unsigned irq() const { return transport_.irq(); }

    // The handler's part, for the board's handler of irq(): acknowledges the device and wakes the
    // waiting request. Nothing else.
    void interrupt();

    // Requests completed, and used-buffer interrupts taken.
    uint32_t requests() const { return requests_; }
    uint32_t interrupts() const { return interrupts_; }

private:
    struct RequestHeader {
        uint32_t type;
        uint32_t reserved;
        uint64_t sector;
    };

    BlockStatus transfer(uint32_t type, uint32_t lba, uint8_t* buffer, size_t count, weft::Timeout timeout, bool polled);
    BlockStatus start_queue();
    bool take(bool waits, weft::Timeout timeout);
    void give();

    virtio::Slots slots_;
    virtio::VirtioMmio transport_;
    virtio::Virtqueue<4> queue_;
    weft::Mutex lock_;
    weft::Event done_{true};
    RequestHeader header_{};
    volatile uint8_t status_ = 0;
    uint32_t block_count_ = 0;
    uint32_t requests_ = 0;
    uint32_t interrupts_ = 0;
    bool ready_ = false;
    bool read_only_ = false;
};
