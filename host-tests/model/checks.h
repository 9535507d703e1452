// Where the model test's checks report: the first failure, with the step and the tick it came
// at, and, when asked for, a trace of every step. Nothing here stops the run: the runner lets
// it end so that the kernel is left clean for the next program.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <string>

namespace weft::model {

// Who acts: a script's coroutine (0 up), main() (rescuing, draining) or an interrupt handler.
inline constexpr int nobody = -1;
inline constexpr int main_actor = 100;
inline constexpr int first_line_actor = 101;  // the handler of line l is first_line_actor + l
inline constexpr size_t no_step = SIZE_MAX;

class Checks {
public:
    explicit Checks(bool trace) : tracing_(trace) {}

    // What the calls that follow are about: for messages.
    void at(size_t step, int actor) {
        step_ = step;
        actor_ = actor;
    }
    struct Context {
        size_t step;
        int actor;
    };
    Context context() const { return {step_, actor_}; }
    void at(Context c) { at(c.step, c.actor); }

    // Records a failure when `ok` is false; only the first is kept. Returns `ok`.
    bool expect(bool ok, const char* format, ...) __attribute__((format(printf, 3, 4)));
    void note(const char* format, ...) __attribute__((format(printf, 2, 3)));

    bool failed() const { return failed_; }
    const std::string& failure() const { return failure_; }
    const std::string& trace() const { return trace_; }
    bool tracing() const { return tracing_; }
    std::string who() const;

private:
    std::string where() const;

    bool tracing_;
    bool failed_ = false;
    size_t step_ = no_step;
    int actor_ = main_actor;
    std::string failure_;
    std::string trace_;
};

}  // namespace weft::model
