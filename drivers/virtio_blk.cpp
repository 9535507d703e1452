// The virtio block driver: a request is a chain of three descriptors (header, the caller's
// buffer, the status byte the device writes last), the same three every time.
#include "virtio_blk.h"

#include "port.h"
#include "weft/coroutine.h"
#include "weft/time.h"

using namespace weft;

namespace {

constexpr uint32_t request_in = 0;   // VIRTIO_BLK_T_IN: read
constexpr uint32_t request_out = 1;  // VIRTIO_BLK_T_OUT: write
constexpr uint8_t status_ok = 0;
constexpr uint8_t status_unsupported = 2;
// The status byte before the device writes it: not one of its values.
constexpr uint8_t status_pending = 0xff;
constexpr uint64_t feature_read_only = 1ull << 5;
// The largest transfer in one request: its length must fit the descriptor's 32 bits.
constexpr size_t most_sectors = 0x7fffff;


}  // namespace

// Outside a coroutine (main() before run()) the mutex cannot be owned, and nothing else runs: the
// device is free there if no coroutine holds it.
bool VirtioBlk::take(bool waits, Timeout timeout) {
    if (!in_coroutine()) return lock_.owner() == nullptr;
    return (waits ? lock_.lock(timeout) : lock_.try_lock()) == Status::ok;
}

void VirtioBlk::give() {
    if (in_coroutine()) lock_.unlock();
}

BlockStatus VirtioBlk::start_queue() {
    const uint64_t features = transport_.start(virtio::feature_version_1 | feature_read_only);
    if (features == 0) return BlockStatus::unsupported;
    read_only_ = (features & feature_read_only) != 0;
    queue_.reset();
    if (!transport_.setup_queue(0, queue_.size, queue_.descriptors(), queue_.driver_ring(), queue_.device_ring()))
        return BlockStatus::unsupported;
    // Capacity, in 512-byte sectors whatever the device's own block size (section 5.2.4).
    const uint64_t capacity = transport_.config32(0) | static_cast<uint64_t>(transport_.config32(4)) << 32;
    block_count_ = capacity > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(capacity);
    transport_.ready();
    return BlockStatus::ok;
}

BlockStatus VirtioBlk::init(Timeout timeout) {
    const bool waits = in_coroutine();
    if (!take(waits, timeout)) return waits ? BlockStatus::timeout : BlockStatus::busy;
    ready_ = false;
    block_count_ = 0;
    BlockStatus s = BlockStatus::no_device;
    switch (transport_.probe(slots_, virtio::device_block)) {
        case virtio::Probe::absent: break;
        case virtio::Probe::legacy: s = BlockStatus::unsupported; break;
        case virtio::Probe::found: s = start_queue(); break;
    }
    ready_ = s == BlockStatus::ok;
    give();
    return s;
}

void VirtioBlk::interrupt() {
    if ((transport_.acknowledge() & 1) == 0) return;
    ++interrupts_;
    done_.set();
}

BlockStatus VirtioBlk::transfer(uint32_t type, uint32_t lba, uint8_t* buffer, size_t count, Timeout timeout, bool polled) {
    if (!ready_) return BlockStatus::not_ready;
    if (buffer == nullptr) return BlockStatus::bad_argument;
    if (lba >= block_count_ || count > block_count_ - lba) return BlockStatus::out_of_range;
    if (count == 0) return BlockStatus::ok;
    if (count > most_sectors) return BlockStatus::bad_argument;
    if (type == request_out && read_only_) return BlockStatus::device_error;

    // Outside a coroutine, or with interrupts masked, nothing could wake a waiter: poll there.
    const bool waits = !polled && in_coroutine() && !port_irqs_masked();
    if (!take(waits, timeout)) return waits ? BlockStatus::timeout : BlockStatus::busy;

    header_ = RequestHeader{type, 0, lba};
    status_ = status_pending;
    virtio::Descriptor& h = queue_.descriptor(0);
    h = {reinterpret_cast<uintptr_t>(&header_), sizeof header_, virtio::desc_next, 1};
    virtio::Descriptor& d = queue_.descriptor(1);
    d = {reinterpret_cast<uintptr_t>(buffer), static_cast<uint32_t>(count * sector_size),
         static_cast<uint16_t>(virtio::desc_next | (type == request_in ? virtio::desc_write : 0)), 2};
    virtio::Descriptor& s = queue_.descriptor(2);
    s = {reinterpret_cast<uintptr_t>(&status_), 1, virtio::desc_write, 0};

    done_.clear();
    queue_.submit(0);
    transport_.notify(0);

    BlockStatus result = BlockStatus::ok;
    while (!queue_.has_used()) {
        const bool late = !waits ? timeout.passed() : done_.wait(timeout) != Status::ok && !queue_.has_used();
        if (late) {
            // The device still owns the caller's buffer: a reset is the only way to take it back,
            // and the queue is set up again at once so the next call finds the device working.
            transport_.reset();
            ready_ = start_queue() == BlockStatus::ok;
            result = BlockStatus::timeout;
            break;
        }
    }
    if (result == BlockStatus::ok) {
        queue_.take_used();
        ++requests_;
        const uint8_t st = status_;
        result = st == status_ok ? BlockStatus::ok
                 : st == status_unsupported ? BlockStatus::unsupported
                                            : BlockStatus::device_error;
    }
    give();
    return result;
}

BlockStatus VirtioBlk::read(uint32_t lba, uint8_t* buffer, size_t count, Timeout timeout) {
    return transfer(request_in, lba, buffer, count, timeout, false);
}

BlockStatus VirtioBlk::write(uint32_t lba, const uint8_t* buffer, size_t count, Timeout timeout) {
    // The device only reads a write's buffer: the descriptor has no desc_write flag.
    return transfer(request_out, lba, const_cast<uint8_t*>(buffer), count, timeout, false);
}

BlockStatus VirtioBlk::try_read(uint32_t lba, uint8_t* buffer, size_t count, Timeout timeout) {
    return transfer(request_in, lba, buffer, count, timeout, true);
}

BlockStatus VirtioBlk::try_write(uint32_t lba, const uint8_t* buffer, size_t count, Timeout timeout) {
    return transfer(request_out, lba, const_cast<uint8_t*>(buffer), count, timeout, true);
}
