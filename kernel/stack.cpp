// Stack checks: the overflow report and the high-water mark.
#include "core.h"
#include "weft/pool.h"

namespace weft {

using namespace core;

// Reads a live coroutine's stack, including the red zones ASan keeps around its frames.
WEFT_NO_ASAN size_t stack_high_water(const Coroutine* co) {
    if (co->pool == nullptr) return 0;
    port_stack stacks[PORT_STACK_COUNT];
    port_stacks(static_cast<unsigned char*>(co->stack), co->pool->stack_size(), stacks);
    const unsigned char* p = stacks[0].lo + sizeof(uintptr_t);
    while (p < stacks[0].hi && *p == paint) ++p;
    return static_cast<size_t>(stacks[0].hi - p);
}

namespace core {

void overflow(const Coroutine* co) { panic("stack overflow: the canary at the stack limit was overwritten", co); }

}  // namespace core
}  // namespace weft
