// The floating-point cases the ports share (target-tests/<arch>/port_test.cpp): coroutines that each
// hold their own callee-saved FPU registers and control state across switches, straight to each
// other or with a coroutine that never uses the FPU between them. `Arch` gives:
//   State                    the callee-saved registers and the control word, as hold() loads them
//   hold(in, out, away)      loads `in`, calls `away` (which switches away and back), stores into `out`
//   kept(in, out)            whether `out` is what `in` loaded, as far as the switch must keep it
//   live()                   whether the running context has FPU state (CONTROL.FPCA, mstatus.FS)
//   Results, results()       what the current control state makes of a few operations
#pragma once

#include "kernel_test.h"

namespace weft::test {

template <class Arch>
struct FpCases {
    using State = typename Arch::State;
    using Results = typename Arch::Results;

    struct Worker {
        State in;
        Results expected;
        bool registers_kept = true, results_right = true;
    };

    static void yield_once() { weft::yield(); }

    static void worker(void* arg) {
        auto& w = *static_cast<Worker*>(arg);
        for (int round = 0; round < 4; ++round) {
            State out;
            Arch::hold(&w.in, &out, yield_once);
            if (!Arch::kept(w.in, out)) w.registers_kept = false;
            // The control state is still this coroutine's after the switches: its arithmetic follows it.
            if (!(Arch::results() == w.expected)) w.results_right = false;
            weft::yield();
            if (!(Arch::results() == w.expected)) w.results_right = false;
        }
    }

    struct Plain {
        bool state_stayed_off = true;
        Results first_use{};
    };

    // Never touches the FPU until the end, while others use it around each of its switches.
    static void plain(void* arg) {
        auto& p = *static_cast<Plain*>(arg);
        for (int round = 0; round < 8; ++round) {
            weft::yield();
            if (Arch::live()) p.state_stayed_off = false;
        }
        p.first_use = Arch::results();
    }

    static bool spawn_all(void* const* args, void (*const* bodies)(void*), int n) {
        for (int i = 0; i < n; ++i)
            if (!weft::spawn(weft::test::pool, bodies[i], args[i])) return false;
        return true;
    }

    // `a` and `b` switch straight to each other; each keeps its registers and control state.
    static void straight(Worker a, Worker b) {
        void* args[] = {&a, &b};
        void (*bodies[])(void*) = {worker, worker};
        ASSERT_TRUE(spawn_all(args, bodies, 2));
        EXPECT_EQ(weft::run(), weft::Status::ok);
        EXPECT_TRUE(a.registers_kept);
        EXPECT_TRUE(b.registers_kept);
        EXPECT_TRUE(a.results_right);
        EXPECT_TRUE(b.results_right);
        EXPECT_EQ(weft::test::pool.used(), 0u);
    }

    // The same with a coroutine between them that never uses the FPU: it runs without FPU state
    // throughout, and its first FPU instruction starts from `fresh`, the default control state,
    // not from whoever ran before it.
    static void with_plain_between(Worker a, Worker b, Results fresh) {
        Plain c;
        void* args[] = {&a, &c, &b};
        void (*bodies[])(void*) = {worker, plain, worker};
        ASSERT_TRUE(spawn_all(args, bodies, 3));
        EXPECT_EQ(weft::run(), weft::Status::ok);
        EXPECT_TRUE(a.registers_kept);
        EXPECT_TRUE(b.registers_kept);
        EXPECT_TRUE(a.results_right);
        EXPECT_TRUE(b.results_right);
        EXPECT_TRUE(c.state_stayed_off);
        EXPECT_TRUE(c.first_use == fresh);
        EXPECT_EQ(weft::test::pool.used(), 0u);
    }
};

}  // namespace weft::test
