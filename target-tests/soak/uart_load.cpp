// The UART's receive interrupt under load: the host streams a fixed line over and over for the
// whole run (tools/uart-stream), and a reader takes it from the driver's ring. Bytes come when the
// host sends them, so the checks hold for any arrival: every byte is the stream's next one, except
// where the driver counted bytes dropped (its ring was full) or the hardware flagged a loss, and
// every byte the handler put in the ring is read.
#include <stdio.h>

#include "board.h"
#include "soak.h"
#include "uart.h"

using namespace weft;

namespace soak {
namespace {

// What tools/uart-stream sends, over and over: this line and its newline.
constexpr char line[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\n";
constexpr size_t line_len = sizeof line - 1;

Uart* uart;
size_t next;            // where in `line` the next byte should be; line_len before the first
uint32_t skipped;       // the fewest bytes the gaps seen so far can have lost
uint32_t resumed;       // gaps: the stream picked up again after a loss

uint32_t losses() {
    UartStats s = uart->stats();
    return s.dropped + s.overruns;
}

size_t position(char c) {
    for (size_t i = 0; i < line_len; ++i)
        if (line[i] == c) return i;
    return line_len;
}

void take(const char* bytes, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        const size_t at = position(bytes[i]);
        if (!check(at < line_len, "a UART byte that is not in the stream")) return;
        if (next != line_len && at != next) {
            // A gap: bytes were lost before this one was received, so the counts include them by
            // now; at least as many as from `next` on to this byte in the line.
            skipped += static_cast<uint32_t>((at + line_len - next) % line_len);
            if (!check(skipped <= losses(), "UART bytes out of order, more than were lost")) return;
            ++resumed;
        }
        next = (at + 1) % line_len;
    }
    figures.uart_bytes += static_cast<uint32_t>(n);
}

}  // namespace

void uart_start() {
    uart = board_uart();
    next = line_len;
    if (!check(uart != nullptr, "the board has no interrupt-driven UART")) return;
    // tools/uart-stream starts on this line. The workload does not wait for the first byte: with
    // no input at all the run is the same every time.
    printf("soak: waiting for the UART stream\n");
}

void reader(void*) {
    char bytes[16];
    while (!stopping && uart != nullptr) {
        Result<size_t> n = uart->read(bytes, sizeof bytes, within(micros(1000)));
        note();
        if (n.ok()) take(bytes, *n);
    }
}

void uart_end() {
    if (uart == nullptr) return;
    // Bytes keep coming: everything counted received by now must be read by the time the ring is empty.
    const UartStats before = uart->stats();
    char bytes[16];
    for (size_t n; (n = uart->try_read(bytes, sizeof bytes)) != 0;) take(bytes, n);
    check(figures.uart_bytes >= before.received, "bytes the UART received were never read");
    const UartStats after = uart->stats();
    printf("soak: uart: %lu bytes read, %lu dropped, %lu lost by the hardware, %lu interrupts; stream resumed %lu times\n",
           static_cast<unsigned long>(figures.uart_bytes), static_cast<unsigned long>(after.dropped),
           static_cast<unsigned long>(after.overruns), static_cast<unsigned long>(after.interrupts),
           static_cast<unsigned long>(resumed));
}

}  // namespace soak
