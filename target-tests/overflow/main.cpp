// Overflows a coroutine's stack on purpose. The run must end in the report of whichever guard the
// build has (the MPU or PSPLIM: a fault; otherwise the kernel's canary: a panic), naming the
// coroutine; reaching the end of main() is the failure.
#include <stdio.h>

#include "weft/weft.h"

// Two pools of one slot each, their stacks side by side in .bss.weft_stacks: the upper pool's only
// slot overflows into the lower pool's, across the pools' boundary. The control blocks of both are
// elsewhere, so the overflow meets only the canary (or the guard) and stack bytes.
WEFT_POOL(overflow_a, 1, 1024);
WEFT_POOL(overflow_b, 1, 1024);

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

bool within(const void* p, const void* lo, size_t size) {
    auto a = reinterpret_cast<uintptr_t>(p), b = reinterpret_cast<uintptr_t>(lo);
    return a >= b && a < b + size;
}

}  // namespace

int main() {
    bool a_lower = reinterpret_cast<uintptr_t>(&overflow_a_stacks) < reinterpret_cast<uintptr_t>(&overflow_b_stacks);
    weft::Pool& lower = a_lower ? overflow_a : overflow_b;
    weft::Pool& upper = a_lower ? overflow_b : overflow_a;
    weft::Coroutine* neighbour = *weft::create(lower, idle, nullptr, "neighbour");
    weft::Coroutine* victim = *weft::create(upper, deep, nullptr, "deep");
    // The case needs the two slots adjacent, and no control block in the 256 bytes below the
    // victim's slot (where a pool's blocks used to follow its stacks).
    auto* base = static_cast<unsigned char*>(victim->stack);
    if (static_cast<unsigned char*>(neighbour->stack) + lower.stack_size() != base) {
        printf("the two pools' stacks are not adjacent: the case does not apply\n");
        return 1;
    }
    const weft::Coroutine* blocks[] = {neighbour, victim};
    for (const weft::Coroutine* block : blocks)
        if (within(block, base - 256, 256 + sizeof(weft::Coroutine))) {
            printf("a control block lies below the slot: an overflow would reach it\n");
            return 1;
        }
    weft::enter(neighbour);
    printf("overflowing coroutine 'deep' of pool '%s' into pool '%s'\n", upper.name(), lower.name());
    weft::enter(victim);
    printf("the overflow went unnoticed\n");
    return 0;
}
