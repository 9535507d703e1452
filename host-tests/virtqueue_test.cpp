// The split virtqueue's ring arithmetic (drivers/virtqueue.h) against a device played by the test:
// chains offered land in the slot their free-running position says, the index wraps at 2^16 with
// the slots wrapping at the queue's size, and what the device returns comes back in order.
#include <gtest/gtest.h>

#include "virtqueue.h"

namespace {

using Queue = virtio::Virtqueue<4>;

TEST(Virtqueue, ASubmittedChainIsOfferedAndReturned) {
    static Queue q;
    q.reset();
    EXPECT_FALSE(q.has_used());
    q.submit(2);
    EXPECT_EQ(q.device_avail_idx(), 1);
    EXPECT_EQ(q.device_avail_entry(0), 2);
    EXPECT_EQ(q.in_flight(), 1);
    EXPECT_FALSE(q.has_used());
    q.device_return(2, 512);
    ASSERT_TRUE(q.has_used());
    const virtio::UsedElement e = q.take_used();
    EXPECT_EQ(e.id, 2u);
    EXPECT_EQ(e.len, 512u);
    EXPECT_FALSE(q.has_used());
    EXPECT_EQ(q.in_flight(), 0);
}

TEST(Virtqueue, SlotsWrapAtTheSizeAndIndicesAtTwoToTheSixteen) {
    static Queue q;
    q.reset();
    // 70000 chains, one at a time, past the 16-bit index's wrap: each lands in its slot and comes
    // back as itself.
    for (uint32_t n = 0; n < 70000; ++n) {
        const uint16_t head = static_cast<uint16_t>(n % Queue::size);
        q.submit(head);
        const uint16_t idx = q.device_avail_idx();
        ASSERT_EQ(idx, static_cast<uint16_t>(n + 1));
        ASSERT_EQ(q.device_avail_entry(static_cast<uint16_t>(idx - 1)), head);
        q.device_return(head, n);
        ASSERT_TRUE(q.has_used());
        const virtio::UsedElement e = q.take_used();
        ASSERT_EQ(e.id, head);
        ASSERT_EQ(e.len, n);
        ASSERT_FALSE(q.has_used());
    }
    EXPECT_EQ(Queue::slot(65535), 3);
    EXPECT_EQ(Queue::slot(65536 % 65536), 0);
}

TEST(Virtqueue, AFullRingReturnsInTheDevicesOrder) {
    static Queue q;
    q.reset();
    for (uint16_t h = 0; h < Queue::size; ++h) q.submit(h);
    EXPECT_EQ(q.in_flight(), Queue::size);
    // The device may finish chains in any order; the driver takes them as it returned them.
    const uint16_t order[] = {2, 0, 3, 1};
    for (uint16_t h : order) q.device_return(h, h * 10u);
    for (uint16_t h : order) {
        ASSERT_TRUE(q.has_used());
        const virtio::UsedElement e = q.take_used();
        EXPECT_EQ(e.id, h);
        EXPECT_EQ(e.len, h * 10u);
    }
    EXPECT_FALSE(q.has_used());
    EXPECT_EQ(q.in_flight(), 0);
}

TEST(Virtqueue, RingsAreLaidOutAsTheDeviceReadsThem) {
    static Queue q;
    EXPECT_EQ(sizeof(virtio::Descriptor), 16u);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(q.descriptors()) % 16, 0u);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(q.driver_ring()) % 2, 0u);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(q.device_ring()) % 4, 0u);
    EXPECT_EQ(sizeof(virtio::UsedElement), 8u);
}

}  // namespace
