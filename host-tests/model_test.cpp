// The model-based random test (docs/testing.md): random programs of coroutines on shared objects,
// each step checked against a reference model written from docs/api.md. make check runs a fixed
// range of seeds; `make soak BOARD=host SEEDS=n SEED=first` runs others (MODEL_SEEDS, MODEL_SEED).
// A 32-bit build reads the corpus directory with 64-bit inode numbers, or readdir() stops early.
#define _FILE_OFFSET_BITS 64
#include <errno.h>
#include <gtest/gtest.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <string>
#include <vector>

#include "model/crash.h"
#include "model/program.h"
#include "model/runner.h"
#include "model/shrink.h"

using namespace weft::model;

namespace {

// make check's range: fixed, so that the suite is deterministic; sized to take about 20 s under
// ASan (docs/testing.md has the figures).
constexpr uint64_t check_first = 1;
constexpr uint64_t check_seeds = 5000;

uint64_t setting(const char* name, uint64_t fallback, std::string& bad) {
    const char* text = getenv(name);
    if (text == nullptr || *text == '\0') return fallback;
    char* end = nullptr;
    unsigned long long v = strtoull(text, &end, 10);
    if (*end != '\0') bad += std::string(name) + "=" + text + " is not a number; ";
    return v;
}

std::string shrunk(const Program& p, const Options& o) {
    size_t n = shortest_failing_prefix(p, o);
    Program q = prefix(p, n);
    Options traced = o;
    traced.trace = true;
    Outcome again = run_in_child(q, traced);
    return "shortest failing prefix: " + std::to_string(n) + " of " + std::to_string(p.steps.size()) +
           " steps\n" + describe(q) + "what happened:\n" + again.report;
}

}  // namespace

TEST(ModelTest, RandomProgramsFollowTheModel) {
    std::string bad;
    bool soak = getenv("MODEL_SEEDS") != nullptr;
    uint64_t first = setting("MODEL_SEED", soak ? check_first + check_seeds : check_first, bad);
    uint64_t count = setting("MODEL_SEEDS", check_seeds, bad);
    Options options;
    ASSERT_TRUE(bad.empty()) << bad;
    crash_report_install();
    Stats total;
    uint64_t ran = 0;
    for (uint64_t seed = first; seed - first < count; ++seed, ++ran) {
        crash_report_seed(seed);
        Program p = generate(seed);
        std::string failure;
        bool clean = true;
        if (count == 1) {
            // Alone, in a child: a crash then shrinks like any other failure.
            Outcome o = run_in_child(p, options);
            if (o.passed) continue;
            failure = o.report;
        } else {
            Verdict v = run_program(p, options);
            total.add(v.stats);
            if (v.passed) continue;
            failure = "  " + v.failure + "\n";
            clean = v.clean;
        }
        crash_report_seed(crash_report_none);
        std::string text = "model: seed " + std::to_string(seed) + " fails:\n" + failure;
        if (clean)
            text += shrunk(p, options);
        else
            text += "the run left coroutines behind; to shrink it: make soak BOARD=host SEED=" +
                    std::to_string(seed) + " SEEDS=1\n";
        ADD_FAILURE() << text;
        ++ran;
        break;
    }
    crash_report_remove();
    auto n = [](uint64_t v) { return static_cast<unsigned long long>(v); };
    if (count == 1) {
        printf("model: seed %llu, run alone in a child process\n", n(first));
        return;
    }
    printf(
        "model: %llu seeds from %llu: %llu steps; %llu calls waited (%llu woken, %llu timed out), "
        "%llu completed at once, %llu gave up at once, %llu try_ calls would block; %llu spawns (%llu "
        "refused, %llu reusing a slot); %llu interrupts (%llu woke a wait at its deadline's tick); %llu "
        "deadlocks ended by main\n",
        n(ran), n(first), n(total.steps), n(total.waits),
        n(total.woken), n(total.timed_out), n(total.immediate), n(total.gave_up), n(total.would_block),
        n(total.spawns), n(total.exhausted), n(total.reused), n(total.interrupts), n(total.clock_ties),
        n(total.deadlocks));
}

// make check replays the fuzzer's corpus (host-tests/fuzz/corpus/, docs/testing.md): each file is
// a program, run as the fuzzer ran it.
TEST(ModelTest, FuzzCorpusFollowsTheModel) {
    DIR* dir = opendir(MODEL_CORPUS);
    ASSERT_NE(dir, nullptr) << "no corpus at " MODEL_CORPUS;
    std::vector<std::string> files;
    errno = 0;
    while (dirent* e = readdir(dir))
        if (e->d_name[0] != '.') files.push_back(e->d_name);
    int error = errno;
    closedir(dir);
    ASSERT_EQ(error, 0) << "reading " MODEL_CORPUS ": " << strerror(error);
    ASSERT_FALSE(files.empty()) << "an empty corpus at " MODEL_CORPUS;
    for (const std::string& name : files) {
        std::string path = std::string(MODEL_CORPUS) + "/" + name;
        FILE* f = fopen(path.c_str(), "rb");
        ASSERT_NE(f, nullptr) << path;
        std::vector<uint8_t> bytes;
        for (int c; (c = fgetc(f)) != EOF;) bytes.push_back(static_cast<uint8_t>(c));
        fclose(f);
        Verdict v = run_program(decode(bytes.data(), bytes.size()), Options{});
        ASSERT_TRUE(v.passed) << path << ":\n  " << v.failure << "\n";
    }
    printf("model: %zu fuzz corpus inputs replayed\n", files.size());
}
