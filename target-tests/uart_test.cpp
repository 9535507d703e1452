// The console UART's driver on the emulated peripheral: a coroutine blocked on the receive ring is
// woken by the UART's own receive interrupt. `make check` runs this suite under tools/uart-feed,
// which sends target-tests/uart_input.txt to the serial port once the prompt below is printed, so
// nothing arrives before then. The cases run in order and share that input.
#include <stdio.h>
#include <string.h>

#include "board.h"
#include "kernel_test.h"
#include "uart.h"

using namespace weft;
using weft::test::go;
using weft::test::pool;

namespace {

// target-tests/uart_input.txt: "weft\n", then `pattern` cycled over 200 bytes, then "\n".
constexpr char first_line[] = "weft\n";
constexpr size_t pattern_len = 200;
constexpr size_t input_len = sizeof first_line - 1 + pattern_len + 1;
constexpr char pattern[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

char input_at(size_t i) {
    if (i < sizeof first_line - 1) return first_line[i];
    i -= sizeof first_line - 1;
    return i < pattern_len ? pattern[i % (sizeof pattern - 1)] : '\n';
}

size_t taken;  // input bytes read so far, by the cases in order

long ms(Tick ticks) { return static_cast<long>(ticks * 1000 / tick_hz); }

TEST(Uart, AReadGivesUpAtItsTimeout) {
    Uart* uart = board_uart();
    ASSERT_NE(uart, nullptr);
    Result<size_t> got = Status::ok;
    Tick took = 0;
    auto reader = [&] {
        char c;
        Tick start = now();
        got = uart->read(&c, 1, within(tick_hz / 100));
        took = now() - start;
    };
    go(pool, reader);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(got.status(), Status::timeout);
    EXPECT_GE(took, tick_hz / 100);
    EXPECT_LT(took, tick_hz / 100 + tick_hz / 500);
    EXPECT_EQ(pool.used(), 0u);
}

// The scenario: the reader waits on the empty ring; only once it is seen waiting does the prompt go
// out, and only then does input exist. The UART's interrupt, nothing else, can end the wait early.
TEST(Uart, TheReceiveInterruptWakesABlockedReader) {
    Uart* uart = board_uart();
    ASSERT_NE(uart, nullptr);
    UartStats before = uart->stats();
    char got[8] = {};
    Result<size_t> n = Status::timeout;
    Tick waited = 0;
    Coroutine* reader_co = nullptr;
    bool seen_waiting = false;
    // No deadline: under -icount sleep=off guest time can run ahead of the host that answers the
    // prompt; the timeout the run is wrapped in bounds a wait for input that never comes.
    auto reader = [&] {
        Tick start = now();
        n = uart->read(got, sizeof got, forever);
        waited = now() - start;
    };
    auto prompt = [&] {
        while (state(reader_co) != State::waiting) yield();
        seen_waiting = true;
        printf("uart: waiting for input\n");
    };
    reader_co = go(pool, reader, "reader");
    go(pool, prompt, "prompt");
    EXPECT_EQ(run(), Status::ok);
    UartStats after = uart->stats();
    printf("     woke after %ld ms with %u bytes, %lu interrupts\n", ms(waited), n.ok() ? unsigned(*n) : 0u,
           static_cast<unsigned long>(after.interrupts - before.interrupts));
    EXPECT_TRUE(seen_waiting);
    ASSERT_TRUE(n.ok());
    EXPECT_GE(*n, 1u);
    for (size_t i = 0; i < *n; ++i) EXPECT_EQ(got[i], input_at(i));
    EXPECT_GE(after.received - before.received, *n);
    EXPECT_GT(after.interrupts, before.interrupts);
    taken = *n;
    EXPECT_EQ(pool.used(), 0u);
}

// Nobody reads while the rest of the input arrives, more than the ring holds: every byte is in the
// ring or counted as dropped, and which bytes the ring keeps is fixed but for one unknown, when the
// reader above made its room. Until the ring first filled nothing was dropped, so the ring begins
// with the input from where the reader stopped up to the ring's size; the room the reader made
// was then taken by one run of later bytes, those that came while there was room.
// A driver that holds input back when the ring is full (rx_hold(), on the nRF51) drops nothing:
// the ring holds the input from where the reader stopped, and the rest comes, in order, as it reads.
TEST(Uart, AFullReceiveRingCountsWhatItDropsOrHoldsTheRestBack) {
    Uart* uart = board_uart();
    ASSERT_NE(uart, nullptr);
    auto arrived = [&] {
        UartStats s = uart->stats();
        return s.received + s.dropped;
    };
    auto idle = [&] {
        for (int i = 0; i < 100000 && arrived() < input_len && uart->stats().holds == 0; ++i)
            sleep_for(tick_hz / 1000);
    };
    go(pool, idle);
    EXPECT_EQ(run(), Status::ok);
    UartStats s = uart->stats();
    printf("     %lu bytes received, %lu dropped, %lu overruns, %lu holds\n",
           static_cast<unsigned long>(s.received), static_cast<unsigned long>(s.dropped),
           static_cast<unsigned long>(s.overruns), static_cast<unsigned long>(s.holds));
    ASSERT_TRUE(input_len - taken > Uart::rx_capacity);
    EXPECT_EQ(s.overruns, 0u);
    if (s.holds > 0) {
        EXPECT_EQ(s.dropped, 0u);
        EXPECT_EQ(s.received, taken + Uart::rx_capacity);
        size_t got = 0;
        bool in_order = true;
        auto reader = [&] {
            char buf[16];
            while (taken + got < input_len) {
                Result<size_t> n = uart->read(buf, sizeof buf, within(tick_hz));
                if (!n) return;
                for (size_t i = 0; i < *n; ++i) in_order = in_order && buf[i] == input_at(taken + got + i);
                got += *n;
            }
        };
        go(pool, reader);
        EXPECT_EQ(run(), Status::ok);
        EXPECT_EQ(taken + got, input_len);
        EXPECT_TRUE(in_order);
        EXPECT_EQ(uart->stats().dropped, 0u);
        taken += got;
        return;
    }
    ASSERT_EQ(s.received + s.dropped, input_len);
    EXPECT_GE(s.received, Uart::rx_capacity);          // the ring filled
    EXPECT_LE(s.received, taken + Uart::rx_capacity);  // and held no more than it has room for
    char kept[Uart::rx_capacity + 1];
    size_t n = uart->try_read(kept, sizeof kept);
    ASSERT_EQ(n, s.received - taken);
    const size_t head = Uart::rx_capacity - taken;
    ASSERT_TRUE(n >= head);
    for (size_t i = 0; i < head; ++i) EXPECT_EQ(kept[i], input_at(taken + i));
    const size_t tail = n - head;
    bool run_found = false;
    for (size_t from = Uart::rx_capacity; !run_found && from + tail <= input_len; ++from) {
        run_found = true;
        for (size_t i = 0; run_found && i < tail; ++i) run_found = kept[head + i] == input_at(from + i);
    }
    EXPECT_TRUE(run_found);
}

// More than the ring holds, from a coroutine: the writer queues, waiting for room if the transmitter
// is slower than it (never under QEMU, whose transmission is instant: with QEMU 7.2's STM32 model,
// which has no TX interrupt, every byte goes out as the writer starts the transmitter).
TEST(Uart, ACoroutinesLongWriteIsSentWhole) {
    Uart* uart = board_uart();
    ASSERT_NE(uart, nullptr);
    char line[3 * Uart::tx_capacity];
    memset(line, '=', sizeof line);
    memcpy(line, "     ", 5);
    line[sizeof line - 1] = '\n';
    UartStats before = uart->stats();
    auto writer = [&] { uart->write(line, sizeof line); };
    go(pool, writer);
    EXPECT_EQ(run(), Status::ok);
    UartStats after = uart->stats();
    EXPECT_EQ(after.sent - before.sent, sizeof line);
    printf("     %lu interrupts, the writer found the ring full %lu times\n",
           static_cast<unsigned long>(after.interrupts - before.interrupts),
           static_cast<unsigned long>(after.write_waits - before.write_waits));
}

// Outside a coroutine nothing can wait: the write polls, and no interrupt is needed.
TEST(Uart, AWriteOutsideACoroutinePolls) {
    Uart* uart = board_uart();
    ASSERT_NE(uart, nullptr);
    static const char line[] = "     polled\n";
    UartStats before = uart->stats();
    uart->write(line, sizeof line - 1);
    UartStats after = uart->stats();
    EXPECT_EQ(after.sent - before.sent, sizeof line - 1);
    EXPECT_EQ(after.write_waits, before.write_waits);
    EXPECT_EQ(after.interrupts, before.interrupts);
}

}  // namespace
