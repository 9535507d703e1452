// The virtio-mmio transport's register protocol (virtio 1.x, sections 3.1 and 4.2.3).
#include "virtio_mmio.h"

#include "mmio.h"

namespace virtio {
namespace {

enum Reg : uintptr_t {
    magic = 0x000,
    version = 0x004,
    device_id_reg = 0x008,
    device_features = 0x010,
    device_features_sel = 0x014,
    driver_features = 0x020,
    driver_features_sel = 0x024,
    queue_sel = 0x030,
    queue_num_max = 0x034,
    queue_num = 0x038,
    queue_ready = 0x044,
    queue_notify = 0x050,
    interrupt_status = 0x060,
    interrupt_ack = 0x064,
    status = 0x070,
    queue_desc_low = 0x080,
    queue_desc_high = 0x084,
    queue_driver_low = 0x090,
    queue_driver_high = 0x094,
    queue_device_low = 0x0a0,
    queue_device_high = 0x0a4,
    config = 0x100,
};

constexpr uint32_t magic_value = 0x74726976;  // "virt"
constexpr uint32_t status_acknowledge = 1;
constexpr uint32_t status_driver = 2;
constexpr uint32_t status_driver_ok = 4;
constexpr uint32_t status_features_ok = 8;
constexpr uint32_t status_needs_reset = 64;
constexpr uint32_t status_failed = 128;

volatile uint32_t& at(uintptr_t base, uintptr_t offset) { return mmio::reg(base + offset); }

void write_address(uintptr_t base, uintptr_t low, const void* p) {
    const uint64_t a = reinterpret_cast<uintptr_t>(p);
    at(base, low) = static_cast<uint32_t>(a);
    at(base, low + 4) = static_cast<uint32_t>(a >> 32);
}

}  // namespace

Probe VirtioMmio::probe(const Slots& slots, uint32_t device_id) {
    bool legacy = false;
    for (unsigned n = 0; n < slots.count; ++n) {
        const uintptr_t b = slots.first + n * slots.stride;
        // An empty slot reads DeviceID 0 (QEMU's virtio-mmio with no device behind it).
        if (at(b, magic) != magic_value || at(b, device_id_reg) != device_id) continue;
        if (at(b, version) != 2) {
            legacy = true;
            continue;
        }
        base_ = b;
        irq_ = slots.first_irq + n;
        return Probe::found;
    }
    base_ = 0;
    return legacy ? Probe::legacy : Probe::absent;
}

uint64_t VirtioMmio::start(uint64_t wanted) {
    reset();
    at(base_, status) = status_acknowledge;
    at(base_, status) = status_acknowledge | status_driver;
    at(base_, device_features_sel) = 0;
    uint64_t offered = at(base_, device_features);
    at(base_, device_features_sel) = 1;
    offered |= static_cast<uint64_t>(at(base_, device_features)) << 32;
    const uint64_t accepted = offered & wanted;
    if ((accepted & feature_version_1) == 0) {
        at(base_, status) = status_failed;
        return 0;
    }
    at(base_, driver_features_sel) = 0;
    at(base_, driver_features) = static_cast<uint32_t>(accepted);
    at(base_, driver_features_sel) = 1;
    at(base_, driver_features) = static_cast<uint32_t>(accepted >> 32);
    at(base_, status) = status_acknowledge | status_driver | status_features_ok;
    // The device clears FEATURES_OK when it cannot work with the set.
    if ((at(base_, status) & status_features_ok) == 0) {
        at(base_, status) = status_failed;
        return 0;
    }
    return accepted;
}

bool VirtioMmio::setup_queue(uint16_t index, uint16_t size, const void* desc, const void* driver, const void* device) {
    at(base_, queue_sel) = index;
    if (at(base_, queue_ready) != 0) return false;
    const uint32_t most = at(base_, queue_num_max);
    if (most == 0 || most < size) return false;
    at(base_, queue_num) = size;
    write_address(base_, queue_desc_low, desc);
    write_address(base_, queue_driver_low, driver);
    write_address(base_, queue_device_low, device);
    at(base_, queue_ready) = 1;
    return true;
}

void VirtioMmio::ready() {
    at(base_, status) = status_acknowledge | status_driver | status_features_ok | status_driver_ok;
}

void VirtioMmio::reset() {
    at(base_, status) = 0;
    // The reset is done when the status reads 0 again (section 4.2.3.1); QEMU's is immediate.
    while (at(base_, status) != 0) {
    }
}

void VirtioMmio::notify(uint16_t index) { at(base_, queue_notify) = index; }

uint32_t VirtioMmio::acknowledge() {
    if (base_ == 0) return 0;
    const uint32_t causes = at(base_, interrupt_status);
    if (causes != 0) at(base_, interrupt_ack) = causes;
    return causes;
}

uint32_t VirtioMmio::config32(size_t offset) const { return at(base_, config + offset); }

bool VirtioMmio::needs_reset() const { return (at(base_, status) & status_needs_reset) != 0; }

}  // namespace virtio
