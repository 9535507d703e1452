// What keeping the FP control state costs a switch, and why FP_CONTROL=save keeps the port's switch
// as it is: the bare switch of arch/x86 (saving and loading MXCSR and the x87 control word) beside
// variants that differ only there (fp_switch_variants_x86_64.S), each timed as a round trip between
// two contexts of the same frame, without the kernel around it.
#include <benchmark/benchmark.h>
#include <stdint.h>

#include "port.h"
#include "x86/context.h"

#if defined(__x86_64__) && !defined(PORT_HOST_ASAN) && PORT_SAVES_FP_CONTROL
extern "C" void port_x86_64_switch(port_context* from, port_context* to);
extern "C" void bench_switch_none(port_context* from, port_context* to);
extern "C" void bench_switch_save(port_context* from, port_context* to);
extern "C" void bench_switch_compare(port_context* from, port_context* to);

namespace {

using Switch = void (*)(port_context*, port_context*);

port_context outer, inner;
Switch switch_under_test;
alignas(16) unsigned char stack[16384];

[[noreturn]] void bounce(void*) {
    for (;;) switch_under_test(&inner, &outer);
}

template <Switch S>
void fp_switch_round_trip(benchmark::State& state) {
    switch_under_test = S;
    inner.sp = x86::first_frame(stack + sizeof stack, bounce, nullptr);
    for (auto _ : state) S(&outer, &inner);
}
BENCHMARK_TEMPLATE(fp_switch_round_trip, port_x86_64_switch)->Name("fp_switch/port_save_and_load");
BENCHMARK_TEMPLATE(fp_switch_round_trip, bench_switch_none)->Name("fp_switch/neither");
BENCHMARK_TEMPLATE(fp_switch_round_trip, bench_switch_save)->Name("fp_switch/save_only");
BENCHMARK_TEMPLATE(fp_switch_round_trip, bench_switch_compare)->Name("fp_switch/save_load_if_different");

}  // namespace
#endif
