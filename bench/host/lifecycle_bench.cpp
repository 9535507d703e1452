// A coroutine's whole life, create + enter + terminate, at three stack sizes, beside Boost.Context's
// fiber made, resumed and ended in the same run with a fixed-size stack allocator drawing from a
// static pool, as a Weft pool's slots are drawn (Boost's own pooled_fixedsize_stack, 1.74, corrupted
// the heap at some sizes here). Built with PORT_STACK_MIN=1024 (Makefile): these coroutines call
// nothing that needs the host's larger minimum.
#include <benchmark/benchmark.h>

#include <boost/context/fiber.hpp>
#include <boost/context/stack_context.hpp>

#include <stdlib.h>

#include "bench_pool.h"

namespace ctx = boost::context;

namespace {

WEFT_POOL_STATIC(life_1k, 1, 1024);
WEFT_POOL_STATIC(life_16k, 1, 16384);
WEFT_POOL_STATIC(life_64k, 1, 65536);

weft::Pool& pool_of_size(int64_t size) {
    return size == 1024 ? life_1k : size == 16384 ? life_16k : life_64k;
}

void weft_lifecycle(benchmark::State& state) {
    weft::Pool& pool = pool_of_size(state.range(0));
    for (auto _ : state) weft::enter(*weft::create(pool, [](void*) {}, nullptr));
}
BENCHMARK(weft_lifecycle)->Arg(1024)->Arg(16384)->Arg(65536);

// Boost.Context's StackAllocator: stacks of one size from a static array, the free ones on a stack
// of pointers. The fiber keeps a copy of the allocator, so the copies share the pool's state.
struct StackPool {
    static constexpr size_t count = 2;
    size_t size;
    unsigned char* free[count];
    size_t free_count;
};

class PooledStack {
public:
    explicit PooledStack(StackPool& pool) : pool_(&pool) {}
    ctx::stack_context allocate() {
        if (pool_->free_count == 0) abort();
        ctx::stack_context sc;
        sc.size = pool_->size;
        sc.sp = pool_->free[--pool_->free_count] + pool_->size;
        return sc;
    }
    void deallocate(ctx::stack_context& sc) { pool_->free[pool_->free_count++] = static_cast<unsigned char*>(sc.sp) - sc.size; }

private:
    StackPool* pool_;
};

alignas(64) unsigned char boost_stacks[StackPool::count][65536];

void boost_fiber_lifecycle(benchmark::State& state) {
    StackPool pool{static_cast<size_t>(state.range(0)), {boost_stacks[0], boost_stacks[1]}, StackPool::count};
    PooledStack stacks(pool);
    for (auto _ : state) {
        ctx::fiber f{std::allocator_arg, stacks, [](ctx::fiber&& caller) { return std::move(caller); }};
        f = std::move(f).resume();
        benchmark::DoNotOptimize(f);
    }
}
BENCHMARK(boost_fiber_lifecycle)->Arg(1024)->Arg(16384)->Arg(65536);

}  // namespace
