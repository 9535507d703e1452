// Shared by the host suites: coroutine bodies as std::function, and a fixture that starts each
// test from a quiet machine (fake clock at a chosen tick, no interrupts) and checks nothing leaks.
#pragma once

#include <gtest/gtest.h>

#include <functional>

#include "port_host.h"
#include "trace.h"
#include "weft/weft.h"

namespace weft::test {

using namespace weft::host_test;

using Body = std::function<void()>;

inline void run_body(void* p) { (*static_cast<Body*>(p))(); }

// Spawns `body` (which must outlive the run) into `pool`.
inline Coroutine* go(Pool& pool, Body& body, const char* name = nullptr) {
    Result<Coroutine*> co = spawn(pool, run_body, &body, name);
    EXPECT_TRUE(co.ok()) << "pool " << pool.name() << " exhausted";
    return co.ok() ? *co : nullptr;
}

class KernelTest : public ::testing::Test {
protected:
    explicit KernelTest(Pool& pool, Tick start = 0) : pool_(pool), start_(start) {}
    void SetUp() override { port_host_reset(start_); }
    void TearDown() override { EXPECT_EQ(pool_.used(), 0u) << "a coroutine of the test is still alive"; }

    Coroutine* go(Body& body, const char* name = nullptr) { return test::go(pool_, body, name); }

    // The time in ticks, as coroutines see it.
    static Tick t() { return weft::now(); }

private:
    Pool& pool_;
    Tick start_;
};

}  // namespace weft::test
