// The virtio-mmio transport, modern interface (version 2; virtio 1.x, section 4.2): finding a
// device among a board's slots by its device ID, the status and feature handshake, one queue's
// set-up, notification and the interrupt's acknowledgement. A device driver (virtio_blk.h,
// virtio_rng.h) owns one of these; the board says where the slots are. Legacy devices (version
// 1) are found but refused: their queue layout is another one.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace virtio {

// Device IDs (virtio 1.x, section 5).
inline constexpr uint32_t device_block = 2;
inline constexpr uint32_t device_entropy = 4;

// VIRTIO_F_VERSION_1: the device speaks virtio 1.x, the only kind this transport drives.
inline constexpr uint64_t feature_version_1 = 1ull << 32;

// Where a board's virtio-mmio slots are: `count` of them, `stride` bytes apart from `first`, slot
// n on interrupt `first_irq` + n.
struct Slots {
    uintptr_t first;
    uintptr_t stride;
    unsigned count;
    unsigned first_irq;
};

enum class Probe : uint8_t {
    found,   // a modern device of that ID
    absent,  // no slot holds one
    legacy,  // only a version 1 device of that ID (QEMU's default before virtio-mmio.force-legacy=false)
};

class VirtioMmio {
public:
    constexpr VirtioMmio() = default;

    // Looks through `slots` for a device of `device_id`, the first modern one found.
    Probe probe(const Slots& slots, uint32_t device_id);

    // The slot's interrupt line, once found.
    unsigned irq() const { return irq_; }
    bool found() const { return base_ != 0; }

    // Resets the device and negotiates features: those it offers of `wanted`, which must include
    // feature_version_1. The accepted set, or 0 if the device refused them (it is then FAILED).
    uint64_t start(uint64_t wanted);

    // Gives queue `index` its `size` entries at the three rings' addresses; false if the device
    // has no such queue, or a smaller one, or it is already live.
    bool setup_queue(uint16_t index, uint16_t size, const void* desc, const void* driver, const void* device);

    // DRIVER_OK: the device may use its queues.
    void ready();

    // Stops the device: every request in flight is dropped and its buffers left alone from now on.
    void reset();

    // Tells the device queue `index` has new chains.
    void notify(uint16_t index);

    // Reads and acknowledges the interrupt's causes (1: used buffers, 2: configuration change), for
    // the handler; 0 if the line was not this device's.
    uint32_t acknowledge();

    // A 32-bit word of the device's configuration space, at byte `offset`.
    uint32_t config32(size_t offset) const;

    // The device flagged an error it cannot recover from without a reset.
    bool needs_reset() const;

private:
    uintptr_t base_ = 0;
    unsigned irq_ = 0;
};

}  // namespace virtio
