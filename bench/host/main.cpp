// The host benchmark program: Google Benchmark's table, then each Weft figure as a ratio to its
// peer measured in the same run.
#include <benchmark/benchmark.h>
#include <stdio.h>

#include <map>
#include <string>

#include "bench_pool.h"

WEFT_POOL(bench_pool, 4, PORT_STACK_MIN);

namespace {

// Keeps each run's time per iteration so the ratios can be printed after the table.
class Reporter : public benchmark::ConsoleReporter {
public:
    std::map<std::string, double> ns;
    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& r : runs) ns[r.benchmark_name()] = r.GetAdjustedRealTime();
    }
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    Reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    auto& ns = reporter.ns;
    auto has = [&](const char* k) { return ns.count(k) != 0 && ns[k] > 0; };
    if (!has("boost_fiber_round_trip") || !has("weft_round_trip")) return 0;
    double boost = ns["boost_fiber_round_trip"];
    double trip = ns["weft_round_trip"];
    printf("\n%-44s %10s %9s %12s\n", "operation", "ns", "vs Boost", "vs round trip");
    auto row = [&](const char* what, double v) {
        printf("%-44s %10.2f %9.2f %12.2f\n", what, v, v / boost, v / trip);
    };
    row("Boost.Context fiber round trip", boost);
    row("glibc swapcontext round trip", ns["swapcontext_round_trip"]);
    row("Weft enter + yield round trip", trip);
    row("Weft scheduler yield (hand-off)", ns["weft_sched_yield_pair"] / 2);
    row("  scheduler-loop design, per yield", ns["loop_design_yield_pair"] / 2);
    row("Weft create + enter + terminate", ns["weft_create_enter_terminate"]);
    if (has("semaphore_handoff_pair")) row("Weft semaphore hand-off", ns["semaphore_handoff_pair"] / 2);
    if (has("channel_round_trip")) row("Weft channel send + receive round trip", ns["channel_round_trip"]);
    if (has("mutex_contended")) row("Weft mutex lock + unlock, contended", ns["mutex_contended"] / 2);
    printf("\nswapcontext / Weft round trip: %.1fx\n", ns["swapcontext_round_trip"] / trip);
    return 0;
}
