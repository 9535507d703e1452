// The dying words. The line is written in advance: a dying process can only write(2) it.
#include "crash.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

extern "C" void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

namespace weft::model {

namespace {

char line[160];
bool armed;
constexpr int signals[] = {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL};
struct sigaction before[sizeof signals / sizeof signals[0]];
unsigned installed;

void say() {
    if (armed) (void)!write(2, line, strlen(line));
}

void on_signal(int sig) {
    say();
    signal(sig, SIG_DFL);
    raise(sig);
}

}  // namespace

void crash_report_install() {
    // A panic aborts; a fault is the sanitizers' to report where they run, and they call back.
    installed = 1;
    if (__sanitizer_set_death_callback != nullptr)
        __sanitizer_set_death_callback(say);
    else
        installed = sizeof signals / sizeof signals[0];
    struct sigaction mine = {};
    mine.sa_handler = on_signal;
    for (unsigned i = 0; i < installed; ++i) sigaction(signals[i], &mine, &before[i]);
}

void crash_report_remove() {
    armed = false;
    if (__sanitizer_set_death_callback != nullptr) __sanitizer_set_death_callback(nullptr);
    for (unsigned i = 0; i < installed; ++i) sigaction(signals[i], &before[i], nullptr);
    installed = 0;
}

void crash_report_seed(uint64_t seed) {
    armed = seed != crash_report_none;
    if (armed)
        snprintf(line, sizeof line,
                 "model: seed %llu died; to shrink it: make soak BOARD=host SEED=%llu SEEDS=1\n",
                 static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed));
}

}  // namespace weft::model
