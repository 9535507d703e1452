// The host benchmark program: Google Benchmark's table, then each Weft figure as a ratio to its
// peer measured in the same run. Every benchmark runs REPETITIONS times (5 unless
// --benchmark_repetitions says otherwise); the figures are the median over the repetitions and
// the minimum beside it, so that one run disturbed by the machine shows as spread, not as a figure.
#include <benchmark/benchmark.h>
#include <stdio.h>
#include <string.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "bench_pool.h"

WEFT_POOL(bench_pool, 4, PORT_STACK_MIN);

namespace {

struct Spread {
    double median = 0;
    double min = 0;
};

// Keeps each repetition's time per iteration, by benchmark name, for the figures after the table,
// which shows only each benchmark's median when there are repetitions.
class Reporter : public benchmark::ConsoleReporter {
public:
    std::map<std::string, std::vector<double>> runs;
    void ReportRuns(const std::vector<Run>& rs) override {
        std::vector<Run> shown;
        for (const Run& r : rs) {
            if (r.run_type == Run::RT_Iteration && !r.error_occurred)
                runs[r.run_name.function_name + (r.run_name.args.empty() ? "" : "/" + r.run_name.args)]
                    .push_back(r.GetAdjustedRealTime());
            if (r.repetitions <= 1 || (r.run_type == Run::RT_Aggregate && r.aggregate_name == "median"))
                shown.push_back(r);
        }
        ConsoleReporter::ReportRuns(shown);
    }
    Spread spread(const std::string& name) const {
        auto it = runs.find(name);
        if (it == runs.end() || it->second.empty()) return {};
        std::vector<double> v = it->second;
        std::sort(v.begin(), v.end());
        size_t n = v.size();
        return {n % 2 != 0 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2, v[0]};
    }
};

bool has_flag(int argc, char** argv, const char* flag) {
    for (int i = 1; i < argc; ++i)
        if (strncmp(argv[i], flag, strlen(flag)) == 0) return true;
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<char*> args(argv, argv + argc);
    char repetitions[] = "--benchmark_repetitions=5";
    if (!has_flag(argc, argv, "--benchmark_repetitions")) args.push_back(repetitions);
    int n = static_cast<int>(args.size());
    args.push_back(nullptr);
    benchmark::Initialize(&n, args.data());
    Reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);

    const Spread boost = reporter.spread("boost_fiber_round_trip");
    const Spread trip = reporter.spread("weft_round_trip");
    if (boost.median <= 0 || trip.median <= 0) return 0;
    printf("\nmedian and minimum over %zu repetitions; ratios of medians\n",
           reporter.runs["weft_round_trip"].size());
    printf("%-46s %9s %9s %9s %12s\n", "operation", "ns", "min ns", "vs Boost", "vs round trip");
    auto row = [&](const char* what, const char* name, double per = 1, double peer = 0) {
        Spread s = reporter.spread(name);
        if (s.median <= 0) return;
        printf("%-46s %9.2f %9.2f %9.2f %12.2f\n", what, s.median / per, s.min / per,
               s.median / per / (peer > 0 ? peer : boost.median), s.median / per / trip.median);
    };
    row("Boost.Context fiber round trip", "boost_fiber_round_trip");
    row("glibc swapcontext round trip", "swapcontext_round_trip");
    row("Weft enter + yield round trip", "weft_round_trip");
    row("Weft scheduler yield (hand-off)", "weft_sched_yield_pair", 2);
    row("  scheduler-loop design, per yield", "loop_design_yield_pair", 2);
    for (const char* size : {"1024", "16384", "65536"}) {
        std::string weft = std::string("weft_lifecycle/") + size;
        std::string peer = std::string("boost_fiber_lifecycle/") + size;
        std::string what = std::string("Weft create + enter + terminate, ") + size + " B";
        std::string peer_what = std::string("  Boost fiber, pooled stacks, ") + size + " B";
        row(what.c_str(), weft.c_str(), 1, reporter.spread(peer).median);
        row(peer_what.c_str(), peer.c_str(), 1, reporter.spread(peer).median);
    }
    row("bare switch round trip, FP state saved+loaded", "fp_switch/port_save_and_load");
    row("  neither saved nor loaded (FP_CONTROL=skip)", "fp_switch/neither");
    row("  saved, never loaded (wrong; the saves alone)", "fp_switch/save_only");
    row("  saved, loaded only where different", "fp_switch/save_load_if_different");
    row("Weft semaphore hand-off", "semaphore_handoff_pair", 2);
    row("Weft channel send + receive round trip", "channel_round_trip");
    row("Weft mutex lock + unlock, contended", "mutex_contended", 2);
    printf("(the life cycle's \"vs Boost\" is against Boost's fiber life cycle at the same size)\n");
    return 0;
}
