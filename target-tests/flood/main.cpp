// The UART flood (tools/uart_flood.cpp drives it): echoes every byte the console UART receives,
// byte for byte, until a newline, then reports the driver's counters, echoes one more line and
// exits. The host sends a megabyte or more as fast as QEMU takes it, and checks that what came
// back plus what the driver counted as dropped or overrun is exactly what it sent.
//
// Every `stall_every` bytes the echo stops reading, interrupts on, until the receive ring has filled
// behind it and the handler has dropped a byte, or held the rest back where the driver does
// (rx_hold(), on the nRF51): that path runs under load, not only the path that keeps up.
#include <stdio.h>
#include <string.h>

#include "board.h"
#include "uart.h"
#include "weft/weft.h"

WEFT_POOL(flood_pool, 1, 2048);

namespace {

constexpr size_t stall_every = 64 * 1024;

// Through the driver, never stdio: the counters must see only the echo's own bytes in between.
void say(Uart* uart, const char* text) { uart->write(text, strlen(text)); }

// Busy, not yielding (a wait on the clock would let the reader run again), until the handler has
// dropped a byte or held input back, or the input has stopped for good, whichever comes first.
constexpr unsigned stall_spins = 2000000;
volatile unsigned stall_sink;
uint32_t full_ring_events(Uart* uart) {
    UartStats st = uart->stats();
    return st.dropped + st.holds;
}
void stall(Uart* uart) {
    uint32_t before = full_ring_events(uart);
    for (unsigned i = 0; i < stall_spins && full_ring_events(uart) == before; ++i) stall_sink = i;
}

bool flood(Uart* uart, unsigned long& echoed) {
    char buf[64];
    size_t since_stall = 0;
    for (;;) {
        weft::Result<size_t> got = uart->read(buf, sizeof buf);
        if (!got) return false;
        size_t n = *got;
        size_t echo = 0;  // the bytes before a newline (the x86 boards' C library has no memchr)
        while (echo < n && buf[echo] != '\n') ++echo;
        uart->write(buf, echo);
        echoed += echo;
        // The newline ends the flood; the host sends nothing more until it sees the counters.
        if (echo < n) return echo + 1 == n;
        since_stall += n;
        if (since_stall >= stall_every) {
            since_stall = 0;
            stall(uart);
        }
    }
}

// The line after the counters: proof that the driver still receives and sends once flooded.
bool last_line(Uart* uart) {
    char line[80];
    size_t len = 0;
    for (;;) {
        char c;
        if (!uart->read(&c, 1)) return false;
        if (c == '\n') break;
        if (len == sizeof line) return false;
        line[len++] = c;
    }
    say(uart, "flood: line ");
    uart->write(line, len);
    say(uart, "\n");
    return true;
}

bool passed;

void flood_main(void*) {
    Uart* uart = board_uart();
    say(uart, "flood: ready\n");
    unsigned long echoed = 0;
    bool ok = flood(uart, echoed);
    UartStats st = uart->stats();
    char report[140];
    snprintf(report, sizeof report,
             "\nflood: %lu echoed, %lu received, %lu dropped, %lu overruns, %lu holds\n", echoed,
             static_cast<unsigned long>(st.received), static_cast<unsigned long>(st.dropped),
             static_cast<unsigned long>(st.overruns), static_cast<unsigned long>(st.holds));
    say(uart, report);
    if (!ok) say(uart, "flood: bytes came after the newline\n");
    passed = ok && last_line(uart);
}

}  // namespace

int main() {
    if (board_uart() == nullptr) {
        printf("flood: this board has no interrupt-driven console UART\n");
        return 1;
    }
    if (!weft::spawn(flood_pool, flood_main, nullptr, "flood")) return 1;
    weft::Status s = weft::run();
    return s == weft::Status::ok && passed ? 0 : 1;
}
