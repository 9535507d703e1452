// A split virtqueue (virtio 1.x, section 2.7) in static storage: the descriptor table, the
// driver's (available) ring and the device's (used) ring of one queue, laid out as a device reads
// them, with the driver's side of the protocol. Knows no transport and no hardware, so the host
// tests its ring arithmetic. One request in flight at a time is all the drivers here need, but
// the rings take up to Size chains.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace virtio {

// Descriptor flags.
inline constexpr uint16_t desc_next = 1;   // the chain goes on at `next`
inline constexpr uint16_t desc_write = 2;  // the device writes this buffer (else reads it)

struct alignas(16) Descriptor {
    uint64_t addr;
    uint32_t len;
    uint16_t flags;
    uint16_t next;
};

struct UsedElement {
    uint32_t id;   // the head of the chain the device is done with
    uint32_t len;  // bytes the device wrote into the chain
};

// Ordering between the driver's stores to the rings, the device's stores, and the transport's
// registers. The device is another bus master reading memory, so on RISC-V plain `fence rw,rw`
// does not order the store to QueueNotify (device output) after the ring stores: that one needs
// `o` in its successor set.
#if defined(__riscv)
// Descriptors and the ring entry before the index that publishes them.
inline void publish_fence() { __asm__ volatile("fence w, w" ::: "memory"); }
// The published index before the register store that tells the device.
inline void notify_fence() { __asm__ volatile("fence w, o" ::: "memory"); }
// The used index (and the interrupt status register read before it) before the entries it covers.
inline void consume_fence() { __asm__ volatile("fence ir, r" ::: "memory"); }
#else
inline void publish_fence() { __atomic_thread_fence(__ATOMIC_RELEASE); }
inline void notify_fence() { __atomic_thread_fence(__ATOMIC_SEQ_CST); }
inline void consume_fence() { __atomic_thread_fence(__ATOMIC_ACQUIRE); }
#endif

// The ring positions are free-running 16-bit counters (the device's and the driver's alike);
// their slot is the low bits, so Size must be a power of two and at most 32768.
template <uint16_t Size>
class Virtqueue {
    static_assert(Size != 0 && (Size & (Size - 1)) == 0 && Size <= 32768, "a virtqueue's size is a power of two up to 32768");

public:
    static constexpr uint16_t size = Size;

    constexpr Virtqueue() = default;
    Virtqueue(const Virtqueue&) = delete;
    Virtqueue& operator=(const Virtqueue&) = delete;

    // Forgets every chain and zeroes the rings, for a device that was just reset.
    void reset() {
        for (auto& d : desc_) d = Descriptor{};
        avail_.flags = 0;
        avail_.idx = 0;
        for (auto& r : avail_.ring) r = 0;
        used_.flags = 0;
        used_.idx = 0;
        for (auto& e : used_.ring) e = UsedElement{};
        next_avail_ = 0;
        last_used_ = 0;
    }

    // Descriptor `i` (i < Size), for the driver to fill in before submit().
    Descriptor& descriptor(uint16_t i) { return desc_[i]; }

    // Offers the chain starting at descriptor `head` to the device; the caller then notifies it.
    void submit(uint16_t head) {
        avail_.ring[slot(next_avail_)] = head;
        publish_fence();
        ++next_avail_;
        store16(avail_.idx, next_avail_);
        notify_fence();
    }

    // Chains submitted and not yet taken back with take_used().
    uint16_t in_flight() const { return static_cast<uint16_t>(next_avail_ - last_used_); }

    // True once the device has returned a chain that take_used() has not taken. Safe from an
    // interrupt handler.
    bool has_used() const { return load16(used_.idx) != last_used_; }

    // The next chain the device returned; only after has_used().
    UsedElement take_used() {
        consume_fence();
        UsedElement e = used_.ring[slot(last_used_)];
        ++last_used_;
        return e;
    }

    // The rings' addresses, for the transport to give the device.
    const void* descriptors() const { return desc_; }
    const void* driver_ring() const { return &avail_; }
    const void* device_ring() const { return &used_; }

    // The slot a free-running ring position lands in.
    static constexpr uint16_t slot(uint16_t position) { return position & (Size - 1); }

    // For the host tests' fake device: the used ring as a device writes it.
    void device_return(uint32_t head, uint32_t len) {
        used_.ring[slot(used_.idx)] = UsedElement{head, len};
        store16(used_.idx, static_cast<uint16_t>(used_.idx + 1));
    }
    // For the host tests: the available ring's index and entry as a device reads them.
    uint16_t device_avail_idx() const { return load16(avail_.idx); }
    uint16_t device_avail_entry(uint16_t position) const { return avail_.ring[slot(position)]; }

private:
    // The device reads and writes these behind the compiler's back.
    static uint16_t load16(const uint16_t& v) { return *static_cast<const volatile uint16_t*>(&v); }
    static void store16(uint16_t& v, uint16_t x) { *static_cast<volatile uint16_t*>(&v) = x; }

    struct alignas(2) DriverRing {
        uint16_t flags;
        uint16_t idx;
        uint16_t ring[Size];
        uint16_t used_event;
    };
    struct alignas(4) DeviceRing {
        uint16_t flags;
        uint16_t idx;
        UsedElement ring[Size];
        uint16_t avail_event;
    };

    Descriptor desc_[Size]{};
    DriverRing avail_{};
    DeviceRing used_{};
    uint16_t next_avail_ = 0;
    uint16_t last_used_ = 0;
};

}  // namespace virtio
