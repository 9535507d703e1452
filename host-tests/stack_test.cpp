// The high-water mark of a carved stack, either way it grows, with its canary inside the stack or
// beyond it: what a port with several stacks per slot (e2k's procedure and chain stacks grow up)
// relies on, checked here on stacks laid out by hand.
#include <gtest/gtest.h>

#include <cstring>

#include "core.h"

using namespace weft;

namespace {

alignas(16) unsigned char slot[256];

void paint_all() { memset(slot, core::paint, sizeof slot); }

TEST(StackHighWater, ADownwardStackCountsFromItsTop) {
    paint_all();
    port_stack st{slot + 16, slot + 256, reinterpret_cast<uintptr_t*>(slot), false};
    EXPECT_EQ(core::high_water(st), 0u);
    slot[200] = 0;
    EXPECT_EQ(core::high_water(st), 56u);
    slot[16] = 0;
    EXPECT_EQ(core::high_water(st), 240u);
}

TEST(StackHighWater, ADownwardStackSkipsACanaryAtItsLimit) {
    paint_all();
    port_stack st{slot, slot + 256, reinterpret_cast<uintptr_t*>(slot), false};
    *st.canary = core::canary;
    EXPECT_EQ(core::high_water(st), 0u);
    slot[sizeof(uintptr_t)] = 0;
    EXPECT_EQ(core::high_water(st), 256u - sizeof(uintptr_t));
}

TEST(StackHighWater, AnUpwardStackCountsFromItsBottom) {
    paint_all();
    port_stack st{slot, slot + 240, reinterpret_cast<uintptr_t*>(slot + 248), true};
    EXPECT_EQ(core::high_water(st), 0u);
    slot[0] = 0;
    EXPECT_EQ(core::high_water(st), 1u);
    slot[99] = 0;
    EXPECT_EQ(core::high_water(st), 100u);
    slot[239] = 0;
    EXPECT_EQ(core::high_water(st), 240u);
}

TEST(StackHighWater, AnUpwardStackSkipsACanaryAtItsLimit) {
    paint_all();
    port_stack st{slot, slot + 256, reinterpret_cast<uintptr_t*>(slot + 256 - sizeof(uintptr_t)), true};
    *st.canary = core::canary;
    EXPECT_EQ(core::high_water(st), 0u);
    slot[10] = 0;
    EXPECT_EQ(core::high_water(st), 11u);
}

}  // namespace
