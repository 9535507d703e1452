// What the QEMU compatibility tests share: coroutine bodies written inline, and a fixture that checks
// every test leaves every QEMU coroutine terminated.
#pragma once

#include <gtest/gtest.h>

#include <functional>

#include "qemu/osdep.h"
#include "qemu/coroutine.h"
#include "weft_qemu.h"

namespace qemu_test {

using Body = std::function<void()>;

inline void coroutine_fn run_body(void* opaque) { (*static_cast<Body*>(opaque))(); }

// A QEMU coroutine that runs `body`, which must outlive it.
inline Coroutine* make(Body& body) { return qemu_coroutine_create(run_body, &body); }

class Qemu : public ::testing::Test {
protected:
    void TearDown() override { EXPECT_EQ(qemu_coroutines.used(), 0u); }
};

// Misuse stops with a message naming the problem, where QEMU asserts or aborts.
using QemuDeathTest = Qemu;

}  // namespace qemu_test
