// Fixed pools of coroutine slots: control blocks and stacks in static storage, never the heap.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "coroutine.h"

namespace weft {

// The stacks of a pool, zero-filled. WEFT_POOL places them in their own section, .bss.weft_stacks,
// so that a linker script can put the stacks where an overflow hits a guard rather than .data;
// the control blocks go elsewhere (ordinary .bss), so that no stack can grow into them, whichever
// pool lies below it.
template <size_t Count, size_t StackSize>
struct PoolStacks {
    static_assert(Count >= 1 && Count <= 0xFFFF, "a pool holds 1 to 65535 coroutines");
    static_assert(StackSize >= PORT_STACK_MIN, "stack size below the port's minimum (PORT_STACK_MIN)");
    static_assert(StackSize % PORT_SLOT_ALIGN == 0 && StackSize % 16 == 0,
                  "stack size must be a multiple of PORT_SLOT_ALIGN and of 16");

    alignas(PORT_SLOT_ALIGN) unsigned char slots[Count][StackSize];
};

// A pool's descriptor: constant data that points at its storage. Slots are handed out lazily,
// so nothing has to run at start-up and the storage stays in .bss.
class Pool {
public:
    // `split`, when given, is how each slot is shared among the port's PORT_STACK_COUNT stacks
    // (weights, one per stack; see port_stacks() in port.h); it must outlive the pool.
    template <size_t Count, size_t StackSize>
    constexpr Pool(const char* name, PoolStacks<Count, StackSize>& stacks, Coroutine (&blocks)[Count],
                   const uint8_t* split = nullptr)
        : name_(name), blocks_(blocks), stacks_(&stacks.slots[0][0]), split_(split), stride_(StackSize),
          count_(static_cast<uint16_t>(Count)) {}

    Pool(const Pool&) = delete;
    Pool& operator=(const Pool&) = delete;

    // The name given at declaration.
    const char* name() const { return name_; }
    // How many coroutines the pool holds.
    size_t capacity() const { return count_; }
    // Bytes of stack per coroutine: the whole slot, all its stacks together.
    size_t stack_size() const { return stride_; }
    // How a slot is shared among the port's stacks (nullptr: the port's default).
    const uint8_t* stack_split() const { return split_; }
    // Carves slot `base` (a coroutine's stack) into the port's stacks.
    void carve(void* base, port_stack* stacks) const {
        port_stacks(static_cast<unsigned char*>(base), stride_, split_, stacks);
    }
    // Coroutines alive now.
    size_t used() const { return used_; }
    // The most coroutines ever alive at once.
    size_t peak() const { return peak_; }
    // How many create() calls found the pool full.
    uint32_t exhausted() const { return exhausted_; }
    // Slots handed out at least once: slot(0) to slot(handed_out() - 1), alive or terminated.
    size_t handed_out() const { return fresh_; }
    const Coroutine* slot(size_t i) const { return &blocks_[i]; }
    // The next pool that has handed out a slot, for listing every pool; nullptr at the end.
    const Pool* next_pool() const { return next_; }

    // Kernel use: takes a free slot (nullptr when full), `fresh` when never handed out before, and gives one back.
    Coroutine* acquire(bool& fresh) {
        Coroutine* co = free_;
        fresh = co == nullptr;
        if (co != nullptr) {
            free_ = co->next;
        } else if (fresh_ < count_) {
            co = hand_out_fresh();
        } else {
            ++exhausted_;
            return nullptr;
        }
        if (++used_ > peak_) peak_ = used_;
        return co;
    }
    void release(Coroutine* co) {
        co->next = free_;
        free_ = co;
        --used_;
    }

private:
    // The next slot never handed out, prepared (and the pool listed, the first time).
    Coroutine* hand_out_fresh();

    const char* name_;
    Coroutine* blocks_;
    unsigned char* stacks_;
    const uint8_t* split_;
    uint32_t stride_;
    uint16_t count_;
    uint16_t fresh_ = 0;  // slots [fresh_, count_) were never handed out
    uint16_t used_ = 0;
    uint16_t peak_ = 0;
    uint32_t exhausted_ = 0;
    Coroutine* free_ = nullptr;
    Pool* next_ = nullptr;
};

// The first pool that has handed out a slot; walk on with next_pool().
const Pool* first_pool();

}  // namespace weft

// Declares a pool `id` of `count` coroutines with `stack_size` bytes of stack each: its stacks
// (id_stacks), its control blocks (id_blocks) and its descriptor.
#define WEFT_POOL(id, count, stack_size)                                                             \
    [[gnu::section(".bss.weft_stacks")]] constinit weft::PoolStacks<count, stack_size> id##_stacks; \
    constinit weft::Coroutine id##_blocks[count];                                                    \
    constinit weft::Pool id { #id, id##_stacks, id##_blocks }

// The same, sharing each slot among the port's stacks by the PORT_STACK_COUNT weights in the
// constant array `split` (on a port with several stacks per slot; others ignore it).
#define WEFT_POOL_SPLIT(id, count, stack_size, split)                                                \
    [[gnu::section(".bss.weft_stacks")]] constinit weft::PoolStacks<count, stack_size> id##_stacks; \
    constinit weft::Coroutine id##_blocks[count];                                                    \
    constinit weft::Pool id { #id, id##_stacks, id##_blocks, split }

// The same, with internal linkage (for a pool private to one source file or a function).
#define WEFT_POOL_STATIC(id, count, stack_size)                                                             \
    [[gnu::section(".bss.weft_stacks")]] static constinit weft::PoolStacks<count, stack_size> id##_stacks; \
    static constinit weft::Coroutine id##_blocks[count];                                                    \
    static constinit weft::Pool id { #id, id##_stacks, id##_blocks }
