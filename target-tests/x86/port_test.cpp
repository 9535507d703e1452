// The x86 port's own cases: the floating-point control state (the x87 control word, and MXCSR on
// x86-64) stays with its coroutine across switches. The ABIs have no callee-saved floating-point
// registers, so that state is all a switch keeps. The cases any port runs are in
// target-tests/port_test.cpp.
#include "fp_cases.h"
#include "kernel_test.h"

using namespace weft::test;

namespace {

// Rounding-control values: bits 10-11 of the x87 control word, bits 13-14 of MXCSR.
enum Rounding : uint16_t { nearest = 0, down = 1, up = 2, toward_zero = 3 };

struct X86Fp {
    struct State {
        uint16_t fpucw;
        uint32_t mxcsr;
    };

    static void hold(const State* in, State* out, void (*away)()) {
        __asm__ volatile("fldcw %0" ::"m"(in->fpucw) : "memory");
#if defined(__x86_64__)
        __asm__ volatile("ldmxcsr %0" ::"m"(in->mxcsr) : "memory");
#endif
        away();
        __asm__ volatile("fnstcw %0" : "=m"(out->fpucw));
#if defined(__x86_64__)
        __asm__ volatile("stmxcsr %0" : "=m"(out->mxcsr));
#else
        out->mxcsr = in->mxcsr;  // the i386 boards leave SSE off
#endif
    }

    static bool kept(const State& in, const State& out) { return in.fpucw == out.fpucw && in.mxcsr == out.mxcsr; }
    static bool live() { return true; }

    // 2.5 and -2.5 rounded to integers by the x87 unit (frndint) and, on x86-64, by SSE
    // (cvtsd2si): each follows its own rounding control.
    struct Results {
        long x87[2], sse[2];
        bool operator==(const Results& o) const {
            return x87[0] == o.x87[0] && x87[1] == o.x87[1] && sse[0] == o.sse[0] && sse[1] == o.sse[1];
        }
    };
    static Results results() {
        Results r{};
        const double values[2] = {2.5, -2.5};
        for (int i = 0; i < 2; ++i) {
            double v = values[i];
            __asm__ volatile("fldl %1\n\tfrndint\n\tfstpl %0" : "=m"(v) : "m"(v));
            r.x87[i] = static_cast<long>(v);
#if defined(__x86_64__)
            long s;
            __asm__ volatile("cvtsd2si %1, %0" : "=r"(s) : "x"(values[i]));
            r.sse[i] = s;
#endif
        }
        return r;
    }
};

constexpr uint16_t fpucw(Rounding r) { return static_cast<uint16_t>(0x037F | r << 10); }
constexpr uint32_t mxcsr(Rounding r) { return 0x1F80u | uint32_t{r} << 13; }

}  // namespace

TEST(Port, FpControlStateStaysWithItsCoroutine) {
    // One rounds up with the x87 unit and toward zero with SSE, the other down and to nearest.
    FpCases<X86Fp>::Worker a{{fpucw(up), mxcsr(toward_zero)}, {}};
    FpCases<X86Fp>::Worker b{{fpucw(down), mxcsr(nearest)}, {}};
#if defined(__x86_64__)
    a.expected = {{3, -2}, {2, -2}};
    b.expected = {{2, -3}, {2, -2}};
#else
    a.expected = {{3, -2}, {0, 0}};
    b.expected = {{2, -3}, {0, 0}};
#endif
    FpCases<X86Fp>::straight(a, b);
}
