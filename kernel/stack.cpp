// Stack checks: the overflow report and the high-water mark.
#include "core.h"
#include "weft/pool.h"

namespace weft {

using namespace core;

namespace core {

// Bytes of `st` used since it was painted: from the far end to the last unpainted byte seen from
// the limit, the canary word skipped where it lies inside the stack. It reads a live coroutine's
// stack, including the red zones ASan keeps around its frames.
WEFT_NO_ASAN size_t high_water(const port_stack& st) {
    const auto* canary_at = reinterpret_cast<const unsigned char*>(st.canary);
    if (!st.grows_up) {
        const unsigned char* p = st.lo;
        if (p == canary_at) p += sizeof(uintptr_t);
        while (p < st.hi && *p == paint) ++p;
        return static_cast<size_t>(st.hi - p);
    }
    const unsigned char* p = st.hi;
    if (p - sizeof(uintptr_t) == canary_at) p -= sizeof(uintptr_t);
    while (p > st.lo && p[-1] == paint) --p;
    return static_cast<size_t>(p - st.lo);
}

WEFT_NO_ASAN void check_other_canaries(const Coroutine* co) {
    port_stack stacks[PORT_STACK_COUNT];
    co->pool->carve(co->stack, stacks);
    for (unsigned i = 1; i < PORT_STACK_COUNT; ++i)
        if (*stacks[i].canary != canary) overflow(co);
}

void overflow(const Coroutine* co) { panic("stack overflow: the canary at the stack limit was overwritten", co); }

}  // namespace core

size_t stack_high_water(const Coroutine* co, unsigned stack) {
    if (co->pool == nullptr || stack >= PORT_STACK_COUNT) return 0;
    port_stack stacks[PORT_STACK_COUNT];
    co->pool->carve(co->stack, stacks);
    return high_water(stacks[stack]);
}

}  // namespace weft
