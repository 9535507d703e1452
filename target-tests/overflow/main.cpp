// Overflows a coroutine's stack on purpose. The run must end in the report of whichever guard the
// build has (the MPU or PSPLIM: a fault; otherwise the kernel's canary: a panic), naming the
// coroutine; reaching the end of main() is the failure.
#include <stdio.h>

#include "weft/weft.h"

WEFT_POOL(overflow_pool, 2, 1024);

namespace {

// Frames of 128 bytes, each written, until 256 bytes past the slot's limit: into the neighbour's
// slot, as a real overflow would go, where only a guard or the canary can tell.
[[gnu::noinline]] void dig(uintptr_t limit) {
    volatile char frame[128];
    for (auto& b : frame) b = 0x5A;
    if (reinterpret_cast<uintptr_t>(&frame[0]) > limit - 256) dig(limit);
    frame[0] = frame[1];
}

void deep(void*) {
    dig(reinterpret_cast<uintptr_t>(weft::self()->stack));
    weft::yield();
}

void idle(void*) { weft::yield(); }

}  // namespace

int main() {
    // The first slot's neighbour below is not ours; the second's is the first.
    weft::Coroutine* neighbour = *weft::create(overflow_pool, idle, nullptr, "neighbour");
    weft::Coroutine* victim = *weft::create(overflow_pool, deep, nullptr, "deep");
    weft::enter(neighbour);
    printf("overflowing coroutine 'deep'\n");
    weft::enter(victim);
    printf("the overflow went unnoticed\n");
    return 0;
}
