// Walks every coroutine through the kernel's introspection as the run goes, and once more at the
// end: each listing agrees with describe() and with the pools' counts, what waits says on what,
// and every stack is intact: its canary holds the word every other slot's does, and its high-water
// mark stays clear of the limit.
#include "soak.h"

using namespace weft;

namespace soak {
namespace {

// The most of its stack a coroutine may use: the rest, at the limit, stays as painted.
constexpr size_t stack_margin = 64;

struct Walk {
    size_t alive;
    size_t slots;
    uintptr_t canary;  // the first slot's, which every other one must match
};

void visit(const CoroutineInfo& info, void* context) {
    auto& walk = *static_cast<Walk*>(context);
    ++walk.slots;
    if (!check(info.co != nullptr && info.pool != nullptr, "a listed slot without its coroutine or pool")) return;
    port_stack stacks[PORT_STACK_COUNT];
    info.pool->carve(info.co->stack, stacks);
    const uintptr_t canary = *stacks[0].canary;
    if (walk.canary == 0) walk.canary = canary;
    check(canary == walk.canary && canary != 0, "a stack's canary differs from the others'");
    check(info.stack_size == info.pool->stack_size(), "a coroutine's stack size is not its pool's");
    check(info.stack_high_water + stack_margin <= info.stack_size, "a stack came within 64 bytes of its limit");
    const CoroutineInfo again = describe(info.co);
    // An interrupt may end a wait between the two looks; nothing else changes here. Only the
    // caller's own stack is written meanwhile, and a byte written there that happens to equal the
    // paint lowers its mark: the others' marks stay as they were.
    const bool same_state = again.state == info.state || (info.state == State::waiting && again.state == State::ready);
    check(same_state && again.pool == info.pool, "describe() disagrees with the listing");
    check(info.co == self() || again.stack_high_water == info.stack_high_water,
          "the stack mark of a coroutine that is not running moved");
    check((info.state == State::waiting) == (info.waiting_for != WaitKind::none),
          "a coroutine's state and what it waits on disagree");
    check(info.state != State::running || info.co == self(), "a coroutine other than the caller is running");
    if (info.state != State::free) ++walk.alive;
}

void walk_all(bool at_end) {
    Walk walk{};
    for_each_coroutine(visit, &walk);
    size_t used = 0, handed_out = 0;
    for (const Pool* p = first_pool(); p != nullptr; p = p->next_pool()) {
        used += p->used();
        handed_out += p->handed_out();
        check(p->used() <= p->peak() && p->peak() <= p->capacity(), "a pool's counts are out of order");
    }
    check(walk.alive == used, "the coroutines listed alive are not the pools' count");
    check(walk.slots == handed_out, "the listing does not give every slot handed out");
    check(!at_end || used == 0, "pools are not back to zero at the end");
    ++figures.watches;
}

}  // namespace

void watcher(void*) {
    Rng rng(0x6000);
    while (!stopping) {
        sleep_for(micros(100 + rng.below(400)));
        ++figures.sleeps;
        note();
        check(describe(self()).state == State::running, "describe() does not show the caller running");
        walk_all(false);
    }
}

void watcher_end() { walk_all(true); }

}  // namespace soak
