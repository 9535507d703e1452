// The demo: coroutines from two pools. A producer and a consumer share a channel, a sensor
// sleeps on a timer and signals an event, a watcher waits for that event with a timeout, and a
// table at the end shows every coroutine, what it did to its stack, and the pools.
#include <stdio.h>

#include <chrono>

#include "weft/weft.h"

using namespace std::chrono_literals;

// Firmware stacks are small; the host's minimum is larger (its C library and sanitizers need it).
constexpr size_t stack_size = PORT_STACK_MIN > 2048 ? PORT_STACK_MIN : 2048;
WEFT_POOL(workers, 3, stack_size);
WEFT_POOL(helpers, 2, stack_size);

namespace {

weft::Channel<int, 2> readings;
weft::Event threshold(true);  // auto-reset: each crossing is reported once

unsigned ms() { return static_cast<unsigned>(weft::now() * 1000 / weft::tick_hz); }

void sensor(void*) {
    for (int i = 1; i <= 6; ++i) {
        weft::sleep_for(10ms);
        int value = i * i;
        printf("%4u ms  sensor: read %d\n", ms(), value);
        if (value > 20) threshold.set();
        if (readings.send(value, 50ms) != weft::Status::ok) printf("%4u ms  sensor: nobody listens\n", ms());
    }
    (void)readings.send(-1);
}

void logger(void*) {
    int value = 0;
    while (readings.receive(value) == weft::Status::ok && value >= 0) {
        printf("%4u ms  logger: got %d\n", ms(), value);
        weft::sleep_for(15ms);  // slower than the sensor: the channel fills, the sensor waits
    }
}

void watcher(void*) {
    for (;;) {
        weft::Status s = threshold.wait(25ms);
        if (s == weft::Status::timeout) {
            printf("%4u ms  watcher: quiet\n", ms());
            if (ms() > 80) return;
            continue;
        }
        printf("%4u ms  watcher: threshold crossed\n", ms());
    }
}

void print_line(const char* line, void*) { printf("  %s\n", line); }

bool start(weft::Pool& pool, weft::Entry entry, const char* name) {
    weft::Result<weft::Coroutine*> co = weft::spawn(pool, entry, nullptr, name);
    if (!co) printf("spawn %s: %s\n", name, weft::to_string(co.status()));
    return co.ok();
}

}  // namespace

int main() {
    printf("Weft demo: a sensor, a logger and a watcher in two pools\n");
    bool ok = start(workers, sensor, "sensor") && start(workers, logger, "logger") &&
              start(helpers, watcher, "watcher");
    weft::Status s = weft::run();
    printf("run() returned: %s\n\n", weft::to_string(s));
    weft::report(print_line, nullptr);
    return ok && s == weft::Status::ok ? 0 : 1;
}
