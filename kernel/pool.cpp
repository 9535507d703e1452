// Slot hand-out for fixed pools.
#include "weft/pool.h"

namespace weft {

static Pool* pools;  // every pool that has handed out a slot, newest first

const Pool* first_pool() { return pools; }

Coroutine* Pool::acquire(bool& fresh) {
    Coroutine* co = free_;
    fresh = co == nullptr;
    if (co != nullptr) {
        free_ = co->next;
    } else if (fresh_ < count_) {
        if (fresh_ == 0) {
            next_ = pools;
            pools = this;
        }
        co = &blocks_[fresh_];
        co->stack = stacks_ + size_t{fresh_} * stride_;
        co->pool = this;
        ++fresh_;
    } else {
        ++exhausted_;
        return nullptr;
    }
    if (++used_ > peak_) peak_ = used_;
    return co;
}

void Pool::release(Coroutine* co) {
    co->next = free_;
    free_ = co;
    --used_;
}

}  // namespace weft
