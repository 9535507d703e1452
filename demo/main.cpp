// The demo: coroutines from two pools. A producer and a consumer share a channel, a sensor
// sleeps on a timer and signals an event, a watcher waits for that event with a timeout, two
// blinkers sleep different periods and toggle the board's LED, and a table at the end shows every
// coroutine, what it did to its stack, and the pools. On a board with
// an interrupt-driven console UART, an echo follows: lines typed come back until 2 s of quiet.
#include <stdio.h>

#include <chrono>

#include "board.h"  // the board's hooks: the LED (a no-op where there is none), the console UART
#include "weft/weft.h"

#if __has_include("uart.h")  // drivers/ is on the include path of target boards only
#include "uart.h"
#define DEMO_ECHO 1
#endif

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

// Two blinkers on one LED, at different periods: on a board you see the beat; here, the lines.
struct Blink {
    const char* name;
    std::chrono::milliseconds period;
    int times;
};
Blink fast{"blink-fast", 20ms, 4};
Blink slow{"blink-slow", 35ms, 2};

void blinker(void* arg) {
    const Blink& b = *static_cast<Blink*>(arg);
    for (int i = 0; i < 2 * b.times; ++i) {
        weft::sleep_for(b.period);
        board_led(i % 2 == 0);
        printf("%4u ms  %s: led %s\n", ms(), b.name, i % 2 == 0 ? "on" : "off");
    }
}

#if DEMO_ECHO
// Sends back each line the UART receives; ends after 2 s without a byte.
void echo(void*) {
    Uart* uart = board_uart();
    printf("echo: type a line\n");
    char line[64];
    size_t len = 0;
    for (;;) {
        char c;
        if (!uart->read(&c, 1, 2s)) break;
        if (c != '\n' && c != '\r') {
            if (len < sizeof line) line[len++] = c;  // a longer line comes back cut
            continue;
        }
        if (len > 0) printf("echo: %.*s\n", static_cast<int>(len), line);
        len = 0;
    }
    UartStats st = uart->stats();
    printf("echo: %lu bytes received, %lu dropped, %lu overruns\n", static_cast<unsigned long>(st.received),
           static_cast<unsigned long>(st.dropped), static_cast<unsigned long>(st.overruns));
}
#endif

void print_line(const char* line, void*) { printf("  %s\n", line); }

bool start(weft::Pool& pool, weft::Entry entry, const char* name, void* arg = nullptr) {
    weft::Result<weft::Coroutine*> co = weft::spawn(pool, entry, arg, name);
    if (!co) printf("spawn %s: %s\n", name, weft::to_string(co.status()));
    return co.ok();
}

}  // namespace

int main() {
    printf("Weft demo: a sensor, a logger, a watcher and two blinkers in two pools\n");
    bool ok = start(workers, sensor, "sensor") && start(workers, logger, "logger") &&
              start(helpers, watcher, "watcher") && start(workers, blinker, fast.name, &fast) &&
              start(helpers, blinker, slow.name, &slow);
    weft::Status s = weft::run();
    printf("run() returned: %s\n\n", weft::to_string(s));
    weft::report(print_line, nullptr);
#if DEMO_ECHO
    if (board_uart() != nullptr) {
        printf("\n");
        ok = start(helpers, echo, "echo") && ok;
        if (s == weft::Status::ok) s = weft::run();
    }
#endif
    return ok && s == weft::Status::ok ? 0 : 1;
}
