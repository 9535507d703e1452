// What the shared kernel tests build on, heap-free so they run on boards too: a recorded trace of
// events, coroutine bodies written as lambdas, and a fixture that checks nothing leaks.
#pragma once

#include <string.h>

#include "weft/weft.h"
#include "weft_test.h"

namespace weft::test {

// Stack per test coroutine: roomy on the host, where GoogleTest and the sanitizers run on it too.
#ifdef WEFT_TEST_STACK
inline constexpr size_t test_stack = WEFT_TEST_STACK;
#else
inline constexpr size_t test_stack = 65536;
#endif

// The one pool every shared test draws from: six coroutines, so the suites fit small boards.
extern Pool pool;
inline constexpr size_t pool_size = 6;

// The events so far, each one or more strings joined, compared as a whole.
class Trace {
public:
    // Records one event made of up to three parts.
    void operator()(const char* a, const char* b = "", const char* c = "") {
        if (count_ == max_events) {
            overflowed_ = true;
            return;
        }
        char* e = events_[count_++];
        e[0] = '\0';
        const char* parts[] = {a, b, c};
        for (const char* part : parts) strncat(e, part, event_size - 1 - strlen(e));
    }

    // True when the events so far are exactly `expected`, in order.
    template <class... Events>
    bool is(Events... expected) const {
        const char* list[] = {expected...};
        if (overflowed_ || count_ != sizeof...(Events)) return report(list, sizeof...(Events));
        for (unsigned i = 0; i < count_; ++i)
            if (strcmp(events_[i], list[i]) != 0) return report(list, sizeof...(Events));
        return true;
    }

    unsigned size() const { return count_; }

private:
    static constexpr unsigned max_events = 32;
    static constexpr unsigned event_size = 24;
    bool report(const char* const* expected, unsigned n) const;

    char events_[max_events][event_size] = {};
    unsigned count_ = 0;
    bool overflowed_ = false;
};

// Runs a lambda (or any callable) as a coroutine body; the callable must outlive the coroutine.
template <class F>
void call(void* f) {
    (*static_cast<F*>(f))();
}

// Spawns `body` into `pool`; nullptr (and a failed check) when the pool is full.
template <class F>
Coroutine* go(Pool& pool, F& body, const char* name = nullptr) {
    Result<Coroutine*> co = spawn(pool, call<F>, &body, name);
    EXPECT_TRUE(co.ok());
    return co.ok() ? *co : nullptr;
}

// Creates, without scheduling, a coroutine running `body`.
template <class F>
Coroutine* make(Pool& pool, F& body, const char* name = nullptr) {
    Result<Coroutine*> co = create(pool, call<F>, &body, name);
    EXPECT_TRUE(co.ok());
    return co.ok() ? *co : nullptr;
}

// The name of the running coroutine.
inline const char* me() { return name(self()); }

// Every shared test's fixture: each test must end with its pool empty.
class PoolTest : public ::testing::Test {
protected:
    explicit PoolTest(Pool& pool) : pool_(pool) {}
    void SetUp() override { start_ = now(); }
    void TearDown() override { EXPECT_EQ(pool_.used(), 0u); }

    template <class F>
    Coroutine* go(F& body, const char* name = nullptr) {
        return test::go(pool_, body, name);
    }
    template <class F>
    Coroutine* make(F& body, const char* name = nullptr) {
        return test::make(pool_, body, name);
    }
    // Ticks since the test started.
    Tick elapsed() const { return now() - start_; }

    Pool& pool_;
    Tick start_ = 0;
};

}  // namespace weft::test

// On the host, time is a fake clock that moves only to deadlines, so durations are exact; on a
// board, time is real and a wait may end later than asked, never earlier, and not much later:
// beyond 2 ms (under QEMU's instruction-counted time, a few thousand instructions of wake-up
// latency are microseconds) it is a missed deadline, not latency.
#if defined(WEFT_TEST_ON_TARGET)
#define EXPECT_TICKS(actual, expected)                          \
    do {                                                        \
        EXPECT_GE((actual), (expected));                        \
        EXPECT_LT((actual), (expected) + weft::tick_hz / 500); \
    } while (0)
#else
#define EXPECT_TICKS(actual, expected) EXPECT_EQ((actual), (expected))
#endif
