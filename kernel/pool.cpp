// Slot hand-out for fixed pools.
#include "weft/pool.h"

namespace weft {

static Pool* pools;  // every pool that has handed out a slot, newest first

const Pool* first_pool() { return pools; }

Coroutine* Pool::hand_out_fresh() {
    if (fresh_ == 0) {
        next_ = pools;
        pools = this;
    }
    Coroutine* co = &blocks_[fresh_];
    co->stack = stacks_ + size_t{fresh_} * stride_;
    co->pool = this;
    ++fresh_;
    return co;
}

}  // namespace weft
