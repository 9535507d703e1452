// The runner's insides: one coroutine per script, which carries out its steps and reports each to
// the model and the ledger; the interrupt handlers; and main(), which spawns, runs and, when
// run() deadlocks, ends every wait it can and runs again.
#pragma once

#include <vector>

#include "checks.h"
#include "ledger.h"
#include "model.h"
#include "runner.h"
#include "world.h"

namespace weft::model {

class Run {
public:
    Run(const Program& p, const Options& o);
    Verdict go();

private:
    struct Script {
        Run* run;
        unsigned index;
        std::vector<size_t> steps;
    };
    struct Line {
        Run* run;
        unsigned line;
    };
    struct Mark {
        uint64_t events;
        Tick now;
    };

    static void body(void* p);
    static void interrupt(void* p);
    static const void* entry();

    void spawn_script(unsigned child);
    void exec(int a, size_t i);
    void finish(int a);
    void rescue();
    void drain();
    Status act(int actor, Handler h);

    // steps.cpp: one step of each family.
    void mutex_step(int a, size_t i, const Step& s);
    void semaphore_step(int a, size_t i, const Step& s);
    void event_step(int a, size_t i, const Step& s);
    void rwlock_step(int a, size_t i, const Step& s);
    void upgrade_step(int a, size_t i, const Step& s);
    void channel_step(int a, size_t i, const Step& s);
    void queue_step(int a, size_t i, const Step& s);
    void any_step(int a, size_t i, const Step& s);
    void time_step(int a, size_t i, const Step& s);
    void irq_step(int a, size_t i, const Step& s);

    // The step's timeout; `forever` says it is none (a lock waits for ever only where `rank`,
    // its place in the lock order, is above every lock its caller holds).
    Timeout timeout(int a, const Step& s, int rank, bool* forever);
    int held_rank(int a, bool but_one_read) const;
    uint32_t next_item(int actor);
    Mark mark() const { return {model_.events(), now()}; }
    // A call that must not wait did not: nothing else ran and the clock did not move.
    void quick(const Mark& m, const char* call);
    void expect_status(Status got, Status want, const char* call);
    // After a call that may have waited: back in this step's context, checked by the model.
    void after(int a, size_t i, const Mark& m, Status got, uint32_t item = 0, int fired = -1);

    const Program& program_;
    Checks checks_;
    World world_;
    Model model_;
    Ledger ledger_;
    std::vector<Script> scripts_;
    Line lines_[line_count];
    unsigned handled_[line_count] = {};
    int raising_ = -1;
    uint32_t sequence_[max_scripts + 1 + line_count] = {};
};

}  // namespace weft::model
