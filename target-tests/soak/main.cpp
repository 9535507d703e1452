// The soak: a mixed workload over every kernel object, from coroutines in two pools, for SWITCHES
// switches, under the UART's receive interrupt and the timer's; checked as it goes and at the end.
// Prints what it did and "soak: 1 passed, 0 failed" (or the first failed check), and exits with the
// status: 0 when every check held.
#include <stdio.h>

#include "soak.h"

using namespace weft;

// One slot per long-lived coroutine below.
WEFT_POOL(crew, 10, SOAK_STACK);

namespace soak {

Figures figures;
bool stopping;
const char* first_failure;
uint32_t failures;
const Coroutine* last_seen;

bool check(bool ok, const char* what) {
    if (!ok) {
        if (failures++ == 0) first_failure = what;
        stopping = true;
    }
    return ok;
}

namespace {

void print_line(const char* text, void*) { printf("  %s\n", text); }

void start(Entry entry, uintptr_t arg, const char* name) {
    check(spawn(crew, entry, reinterpret_cast<void*>(arg), name).ok(), "the crew's pool is too small");
}

}  // namespace
}  // namespace soak

int main() {
    using namespace soak;
    printf("soak: %lu switches\n", static_cast<unsigned long>(switches_wanted));
    uart_start();
    start(producer, 0, "producer0");
    start(producer, 1, "producer1");
    start(consumer, 0, "consumer");
    start(locker, 0x7001, "locker0");
    start(locker, 0x7002, "locker1");
    start(timekeeper, 0, "timekeeper");
    start(pinger, 0, "pinger");
    start(spawner, 0, "spawner");
    start(reader, 0, "reader");
    start(watcher, 0, "watcher");
    const Tick began = now();
    const Status ran = run();
    const Tick took = now() - began;
    check(ran == Status::ok, "run() did not return ok");
    check(figures.switches >= switches_wanted || failures != 0, "the workload ended before its switches");
    channel_end();
    locker_end();
    timing_end();
    spawner_end();
    watcher_end();
    uart_end();
    printf("soak: %lu switches, %lu timed waits (%lu timed out, %lu woken), %lu sleeps, %lu spawns (%lu refused), "
           "%lu items, %lu sections, %lu watches, %lu UART bytes; %lu ms of guest time\n",
           static_cast<unsigned long>(figures.switches), static_cast<unsigned long>(figures.timed_waits),
           static_cast<unsigned long>(figures.timeouts), static_cast<unsigned long>(figures.wakes),
           static_cast<unsigned long>(figures.sleeps), static_cast<unsigned long>(figures.spawns),
           static_cast<unsigned long>(figures.refused), static_cast<unsigned long>(figures.items),
           static_cast<unsigned long>(figures.locks), static_cast<unsigned long>(figures.watches),
           static_cast<unsigned long>(figures.uart_bytes), static_cast<unsigned long>(took * 1000 / tick_hz));
    report(print_line, nullptr);
    if (failures != 0) printf("FAIL soak: %s (%lu failed checks)\n", first_failure, static_cast<unsigned long>(failures));
    printf("soak: %d passed, %d failed\n", failures == 0 ? 1 : 0, failures == 0 ? 0 : 1);
    return failures == 0 ? 0 : 1;
}
