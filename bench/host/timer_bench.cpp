// The choice of the timer structure: the kernel's pairing heap against a sorted list, with 1, 10
// and 100 pending timers. Both keep timers with equal deadlines in start order (the heap with a
// sequence number). Pure data-structure work: no coroutine, no port.
#include <benchmark/benchmark.h>

#include <vector>

#include "weft/timer.h"

using weft::Tick;
using weft::Timer;
using weft::TimerHeap;

namespace {

// A timer for the list: two links and a deadline.
struct ListTimer {
    ListTimer* next;  // nullptr when not pending
    ListTimer* prev;
    Tick deadline;
    void (*fire)(ListTimer* self);
};

// The alternative not taken: pending timers in a sorted list, equal deadlines in start order.
// A circular doubly-linked list around a sentinel: O(1) cancel, and O(1) insertion of a deadline
// that is not earlier than the latest (the common case: waits with the same timeout), since the
// search runs from the back.
class TimerList {
public:
    constexpr TimerList() : end_{&end_, &end_, UINT64_MAX, nullptr} {}
    TimerList(const TimerList&) = delete;
    TimerList& operator=(const TimerList&) = delete;

    // Adds `t`; true when it became the earliest.
    bool insert(ListTimer* t) {
        ListTimer* after = end_.prev;
        while (after != &end_ && after->deadline > t->deadline) after = after->prev;
        t->prev = after;
        t->next = after->next;
        after->next->prev = t;
        after->next = t;
        return t->prev == &end_;
    }

    // Takes out a pending `t`.
    static void remove(ListTimer* t) {
        t->prev->next = t->next;
        t->next->prev = t->prev;
        t->next = t->prev = nullptr;
    }

    static bool pending(const ListTimer* t) { return t->next != nullptr; }

    // The earliest timer due by `now`, taken out of the list; nullptr when none is due.
    ListTimer* pop_due(Tick now) {
        ListTimer* t = end_.next;
        if (t == &end_ || t->deadline > now) return nullptr;
        remove(t);
        return t;
    }

    // The earliest deadline, UINT64_MAX when nothing is pending.
    Tick next_deadline() const { return end_.next->deadline; }

    bool empty() const { return end_.next == &end_; }

private:
    ListTimer end_;  // the sentinel; its deadline UINT64_MAX ends every search
};

// Deadlines for n timers, the same for both structures run after run. Argument 1 of each
// benchmark picks the pattern: 0, in no order (from a fixed seed); 1, in the order they are started,
// as when every wait uses the same timeout or periodic sleeps follow each other.
std::vector<Tick> deadlines(size_t n, int64_t pattern) {
    std::vector<Tick> d(n);
    uint64_t x = 88172645463325252ull;
    for (size_t i = 0; i < n; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        d[i] = pattern == 0 ? 1000 + x % 100000 : 1000 + 10 * i;
    }
    return d;
}

// Inserts n timers, then expires them all: the cost per timer of a full life.
template <class Structure, class Node>
void insert_expire(benchmark::State& state) {
    auto n = static_cast<size_t>(state.range(0));
    std::vector<Node> timers(n);
    auto d = deadlines(n, state.range(1));
    Structure pending;
    for (auto _ : state) {
        for (size_t i = 0; i < n; ++i) {
            timers[i].deadline = d[i];
            pending.insert(&timers[i]);
        }
        while (Node* t = pending.pop_due(UINT64_MAX - 1)) benchmark::DoNotOptimize(t);
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}
BENCHMARK_TEMPLATE(insert_expire, TimerList, ListTimer)->Name("list_insert_expire")->ArgsProduct({{1, 10, 100}, {0, 1}});
BENCHMARK_TEMPLATE(insert_expire, TimerHeap, Timer)->Name("heap_insert_expire")->ArgsProduct({{1, 10, 100}, {0, 1}});

// With n-1 timers pending, start one more and cancel it: a wait that ends before its timeout,
// the common case for a timeout.
template <class Structure, class Node>
void start_cancel(benchmark::State& state) {
    auto n = static_cast<size_t>(state.range(0));
    std::vector<Node> timers(n);
    auto d = deadlines(n, state.range(1));
    Structure pending;
    for (size_t i = 1; i < n; ++i) {
        timers[i].deadline = d[i];
        pending.insert(&timers[i]);
    }
    size_t k = 0;
    for (auto _ : state) {
        timers[0].deadline = state.range(1) == 0 ? d[k++ % n] : d[n - 1] + 10;  // 1: after all pending
        pending.insert(&timers[0]);
        pending.remove(&timers[0]);
    }
}
BENCHMARK_TEMPLATE(start_cancel, TimerList, ListTimer)->Name("list_start_cancel")->ArgsProduct({{1, 10, 100}, {0, 1}});
BENCHMARK_TEMPLATE(start_cancel, TimerHeap, Timer)->Name("heap_start_cancel")->ArgsProduct({{1, 10, 100}, {0, 1}});

}  // namespace
