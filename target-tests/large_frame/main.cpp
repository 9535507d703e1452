// A frame larger than the old 32-byte MPU guard, written only at its bottom, entered near the
// stack's limit: the store lands below the guard without touching it, in the neighbouring slot,
// unless the guard is deeper than the frame. The run must end in the guard's report (the MPU's or
// PSPLIM's fault) naming the coroutine; reaching the end of main() is the failure. The canary alone
// cannot catch it, so only the builds with a hardware guard run it (LARGE_FRAME_CHECK in arch.mk).
#include <stdio.h>

#include "port.h"
#include "weft/weft.h"

// As in target-tests/overflow/: two pools of one slot each, side by side in .bss.weft_stacks, the
// upper pool's slot above the lower's.
WEFT_POOL(overflow_a, 1, 1024);
WEFT_POOL(overflow_b, 1, 1024);

namespace {

// What the large frame's one store is handed to, so that the frame stays and its caller pushes lr
// before it lowers sp (tools/frame-check counts the unwritten part of such a frame, 324 bytes).
[[gnu::noinline]] void keep(volatile char* bottom) { bottom[1] = bottom[0]; }

// 320 bytes of locals, of which only the lowest is written: the store reaches 320 bytes below sp.
[[gnu::noinline]] void leap() {
    volatile char frame[320];
    frame[0] = 0x5A;
    keep(frame);
}

// Frames of 128 bytes, each written, until sp is between 64 and 200 bytes above the stack's limit:
// no written frame reaches the guard, and the leap then starts where it clears a 32-byte guard and
// the 32 bytes below it, and lands in the neighbour's slot.
[[gnu::noinline]] void dig(uintptr_t limit) {
    volatile char frame[128];
    for (auto& b : frame) b = 0x5A;
    if (reinterpret_cast<uintptr_t>(&frame[0]) > limit + 200)
        dig(limit);
    else
        leap();
    frame[0] = frame[1];
}

// The limit is the port's: above the guard region where the slot has one (port_stacks).
void deep(void*) {
    port_stack stacks[PORT_STACK_COUNT];
    port_stacks(static_cast<unsigned char*>(weft::self()->stack), weft::stack_size(weft::self()), nullptr, stacks);
    dig(reinterpret_cast<uintptr_t>(stacks[0].lo));
    weft::yield();
}

void idle(void*) { weft::yield(); }

}  // namespace

int main() {
    bool a_lower = reinterpret_cast<uintptr_t>(&overflow_a_stacks) < reinterpret_cast<uintptr_t>(&overflow_b_stacks);
    weft::Pool& lower = a_lower ? overflow_a : overflow_b;
    weft::Pool& upper = a_lower ? overflow_b : overflow_a;
    weft::Coroutine* neighbour = *weft::create(lower, idle, nullptr, "neighbour");
    weft::Coroutine* victim = *weft::create(upper, deep, nullptr, "deep");
    if (static_cast<unsigned char*>(neighbour->stack) + lower.stack_size() != victim->stack) {
        printf("the two pools' stacks are not adjacent: the case does not apply\n");
        return 1;
    }
    weft::enter(neighbour);
    printf("a frame of 320 bytes, written at its bottom, at the limit of coroutine 'deep' of pool '%s'\n",
           upper.name());
    weft::enter(victim);
    printf("the store went unnoticed\n");
    return 0;
}
