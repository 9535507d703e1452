// The virtio entropy driver: one descriptor per request, the unfilled rest of the caller's buffer.
#include "virtio_rng.h"

#include "port.h"
#include "weft/coroutine.h"
#include "weft/time.h"

using namespace weft;

namespace {

// A request's length must fit the descriptor's 32 bits; longer reads take several.
constexpr size_t most_per_request = 0x10000;


}  // namespace

// Outside a coroutine (main() before run()) the mutex cannot be owned, and nothing else runs: the
// device is free there if no coroutine holds it.
bool VirtioRng::take(bool waits, Timeout timeout) {
    if (!in_coroutine()) return lock_.owner() == nullptr;
    return (waits ? lock_.lock(timeout) : lock_.try_lock()) == Status::ok;
}

void VirtioRng::give() {
    if (in_coroutine()) lock_.unlock();
}

EntropyStatus VirtioRng::start_queue() {
    if (transport_.start(virtio::feature_version_1) == 0) return EntropyStatus::unsupported;
    queue_.reset();
    if (!transport_.setup_queue(0, queue_.size, queue_.descriptors(), queue_.driver_ring(), queue_.device_ring()))
        return EntropyStatus::unsupported;
    transport_.ready();
    return EntropyStatus::ok;
}

EntropyStatus VirtioRng::init(Timeout timeout) {
    const bool waits = in_coroutine();
    if (!take(waits, timeout)) return waits ? EntropyStatus::timeout : EntropyStatus::busy;
    EntropyStatus s = EntropyStatus::no_device;
    switch (transport_.probe(slots_, virtio::device_entropy)) {
        case virtio::Probe::absent: break;
        case virtio::Probe::legacy: s = EntropyStatus::unsupported; break;
        case virtio::Probe::found: s = start_queue(); break;
    }
    ready_ = s == EntropyStatus::ok;
    give();
    return s;
}

void VirtioRng::interrupt() {
    if ((transport_.acknowledge() & 1) == 0) return;
    ++interrupts_;
    done_.set();
}

EntropyStatus VirtioRng::fill(uint8_t* buffer, size_t len, Timeout timeout, size_t* got, bool polled) {
    size_t have = 0;
    if (got != nullptr) *got = 0;
    if (!ready_) return EntropyStatus::not_ready;
    if (buffer == nullptr) return EntropyStatus::bad_argument;
    // Outside a coroutine, or with interrupts masked, nothing could wake a waiter: poll there.
    const bool waits = !polled && in_coroutine() && !port_irqs_masked();
    if (!take(waits, timeout)) return waits ? EntropyStatus::timeout : EntropyStatus::busy;

    EntropyStatus result = EntropyStatus::ok;
    while (have < len && result == EntropyStatus::ok) {
        const size_t want = len - have < most_per_request ? len - have : most_per_request;
        queue_.descriptor(0) = {reinterpret_cast<uintptr_t>(buffer + have), static_cast<uint32_t>(want), virtio::desc_write, 0};
        done_.clear();
        queue_.submit(0);
        transport_.notify(0);
        while (!queue_.has_used()) {
            const bool late = !waits ? timeout.passed() : done_.wait(timeout) != Status::ok && !queue_.has_used();
            if (late) {
                // The device still owns the buffer: only a reset takes it back (virtio_blk.cpp).
                transport_.reset();
                ready_ = start_queue() == EntropyStatus::ok;
                result = EntropyStatus::timeout;
                break;
            }
        }
        if (result != EntropyStatus::ok) break;
        const virtio::UsedElement e = queue_.take_used();
        ++requests_;
        if (e.len > want) {
            result = EntropyStatus::device_error;
            break;
        }
        have += e.len;
    }
    give();
    if (got != nullptr) *got = have;
    return result;
}

EntropyStatus VirtioRng::read(uint8_t* buffer, size_t len, Timeout timeout, size_t* got) {
    return fill(buffer, len, timeout, got, false);
}

EntropyStatus VirtioRng::try_read(uint8_t* buffer, size_t len, Timeout timeout, size_t* got) {
    return fill(buffer, len, timeout, got, true);
}
