// The SD card over SPI on a board with block storage (board/block_storage.h), run by tools/sd-check
// on a disk image tools/sd_image.cpp made (target-tests/sd/sd_pattern.h): reads and checks blocks,
// writes new ones, and the errors every call must report without touching the card; then measures
// the interrupt-driven transfers beside polled ones. With no card in the slot it checks that every
// call says so. Prints "sd: N passed, N failed"; tools/sd-check then checks the image.
#include <stdio.h>
#include <string.h>

#include <chrono>

#include "block_device.h"
#include "block_storage.h"
#include "sd_pattern.h"
#include "sd_spi.h"
#include "spi_bus.h"
#include "weft/weft.h"

using namespace std::chrono_literals;
using namespace sd_pattern;

WEFT_POOL(sd_pool, 3, 2048);

namespace {

int passed, failures;
BlockDevice* disk;
uint8_t buffer[8 * block_bytes];
uint8_t block[block_bytes];

void check(bool ok, const char* what, BlockStatus got = BlockStatus::ok) {
    ++(ok ? passed : failures);
    if (ok)
        printf("ok   %s\n", what);
    else
        printf("FAIL %s (%s)\n", what, to_string(got));
}

void expect(BlockStatus got, BlockStatus want, const char* what) { check(got == want, what, got); }

bool holds(const uint8_t* data, uint32_t lba, size_t count, bool after_write) {
    for (size_t b = 0; b < count; ++b)
        for (size_t i = 0; i < block_bytes; ++i) {
            uint8_t want = after_write && is_written(lba + b) ? written(lba + b, i) : original(lba + b, i);
            if (data[b * block_bytes + i] != want) return false;
        }
    return true;
}

void make_written(uint8_t* data, uint32_t lba, size_t count) {
    for (size_t b = 0; b < count; ++b)
        for (size_t i = 0; i < block_bytes; ++i) data[b * block_bytes + i] = written(lba + b, i);
}

void reads() {
    expect(disk->read(0, buffer, 1, 1s), BlockStatus::ok, "read block 0 (CMD17)");
    check(holds(buffer, 0, 1, false), "block 0 holds the image's pattern");
    expect(disk->read(100, buffer, 8, 1s), BlockStatus::ok, "read blocks 100-107 (CMD18, CMD12)");
    check(holds(buffer, 100, 8, false), "blocks 100-107 hold the image's pattern");
    expect(disk->read(blocks - 2, buffer, 1, 1s), BlockStatus::ok, "read the last block but one");
    check(holds(buffer, blocks - 2, 1, false), "it holds the image's pattern");
    expect(disk->try_read(7, block, 1, 1s), BlockStatus::ok, "try_read block 7, polled");
    check(holds(block, 7, 1, false), "block 7 holds the image's pattern");
}

void writes() {
    make_written(block, 5, 1);
    expect(disk->write(5, block, 1, 1s), BlockStatus::ok, "write block 5 (CMD24)");
    make_written(buffer, 1000, 3);
    expect(disk->write(1000, buffer, 3, 1s), BlockStatus::ok, "write blocks 1000-1002 (CMD25, stop token)");
    make_written(block, blocks - 1, 1);
    expect(disk->try_write(blocks - 1, block, 1, 1s), BlockStatus::ok, "try_write the last block, polled");
    memset(buffer, 0, sizeof buffer);
    expect(disk->read(999, buffer, 5, 1s), BlockStatus::ok, "read blocks 999-1003 back");
    check(holds(buffer, 999, 5, true), "1000-1002 hold the new data, 999 and 1003 the old");
    expect(disk->read(4, buffer, 2, 1s), BlockStatus::ok, "read blocks 4-5 back");
    check(holds(buffer, 4, 2, true), "5 holds the new data, 4 the old");
    expect(disk->read(blocks - 1, block, 1, 1s), BlockStatus::ok, "read the last block back");
    check(holds(block, blocks - 1, 1, true), "it holds the new data");
}

// Each refused before anything reaches the card: tools/sd-check finds these blocks unchanged.
void refusals() {
    make_written(block, 9, 1);
    expect(disk->read(blocks, block, 1, 1s), BlockStatus::out_of_range, "a read past the end");
    expect(disk->read(blocks - 1, buffer, 2, 1s), BlockStatus::out_of_range, "a read reaching past the end");
    expect(disk->write(blocks, block, 1, 1s), BlockStatus::out_of_range, "a write past the end");
    expect(disk->write(0xFFFFFFFFu, block, 2, 1s), BlockStatus::out_of_range, "a write whose end wraps");
    expect(disk->read(3, nullptr, 1, 1s), BlockStatus::bad_argument, "a read into no buffer");
    expect(disk->write(3, nullptr, 1, 1s), BlockStatus::bad_argument, "a write from no buffer");
    expect(disk->read(3, nullptr, 0, 1s), BlockStatus::ok, "a read of no blocks");
    expect(disk->write(9, block, 1, weft::until(0)), BlockStatus::timeout, "a write whose deadline has passed");
    expect(disk->read(9, block, 1, weft::until(0)), BlockStatus::timeout, "a read whose deadline has passed");
}

// While one coroutine has the card, another's try_read is busy at once and its read waits.
bool holder_in;
weft::Event holder_go;
void holder(void*) {
    SpiBus* bus = board_storage_bus();
    if (bus->acquire(1s) != weft::Status::ok) return;
    holder_in = true;
    (void)holder_go.wait(1s);
    weft::sleep_for(2ms);
    bus->release();
}

void contention() {
    if (!weft::spawn(sd_pool, holder, nullptr, "holder")) return check(false, "spawn the holder");
    while (!holder_in) weft::yield();
    expect(disk->try_read(0, block, 1, 1s), BlockStatus::busy, "try_read while another holds the bus");
    expect(disk->read(0, block, 1, weft::within(weft::to_ticks(1ms))), BlockStatus::timeout,
           "read gives up at its deadline while another holds the bus");
    holder_go.set();
    expect(disk->read(0, block, 1, 1s), BlockStatus::ok, "read waits for the bus and then runs");
    check(holds(block, 0, 1, false), "and reads the right data");
}

// Throughput, in bytes per guest instruction: the port's clock counts guest instructions under
// -icount, calibrated against a loop of known length (2 instructions an iteration).
void spin(uint32_t count) { __asm__ volatile("1: subs %0, #1\n\tbne 1b" : "+r"(count)::"cc"); }
double per_tick;

bool stop_background;
uint32_t background_turns;
void background(void*) {
    while (!stop_background) {
        ++background_turns;
        weft::yield();
    }
}

template <class F>
void measure(const char* what, size_t bytes, F op) {
    uint32_t turns0 = background_turns;
    weft::Tick t0 = weft::now();
    bool ok = op();
    double instructions = per_tick * static_cast<double>(weft::now() - t0);
    uint32_t turns = background_turns - turns0;
    printf("  %-34s %7zu bytes %9.0f instr  %.4f bytes/instr  other coroutine's turns %lu\n", what, bytes, instructions,
           bytes / instructions, static_cast<unsigned long>(turns));
    check(ok, what);
}

void throughput() {
    const uint32_t n = 200000;
    weft::Tick a = weft::now();
    spin(n);
    weft::Tick b = weft::now();
    spin(2 * n);
    weft::Tick c = weft::now();
    per_tick = 2.0 * n / static_cast<double>((c - b) - (b - a));
    printf("sd: throughput under QEMU (%.2f instructions per tick)\n", per_tick);
    stop_background = false;
    if (!weft::spawn(sd_pool, background, nullptr, "background")) return check(false, "spawn the background coroutine");
    weft::yield();
    SpiBus* bus = board_storage_bus();
    constexpr int rounds = 16;
    measure("bus: transfer(), 16 x 4096", rounds * sizeof buffer, [&] {
        bool ok = true;
        for (int r = 0; r < rounds; ++r) ok &= bus->transfer(nullptr, buffer, sizeof buffer, 1s) == weft::Status::ok;
        return ok;
    });
    measure("bus: transfer_polled(), 16 x 4096", rounds * sizeof buffer, [&] {
        bool ok = true;
        for (int r = 0; r < rounds; ++r) ok &= bus->transfer_polled(nullptr, buffer, sizeof buffer, 1s) == weft::Status::ok;
        return ok;
    });
    measure("card: read(), 16 x 8 blocks", rounds * sizeof buffer, [&] {
        bool ok = true;
        for (int r = 0; r < rounds; ++r) ok &= disk->read(200, buffer, 8, 1s) == BlockStatus::ok;
        return ok && holds(buffer, 200, 8, false);
    });
    measure("card: try_read() (polled), 16 x 8", rounds * sizeof buffer, [&] {
        bool ok = true;
        for (int r = 0; r < rounds; ++r) ok &= disk->try_read(200, buffer, 8, 1s) == BlockStatus::ok;
        return ok && holds(buffer, 200, 8, false);
    });
    SpiStats s = bus->stats();
    printf("  bus: %lu transfers, %lu bytes, %lu waited, %lu interrupts, %lu timeouts\n",
           static_cast<unsigned long>(s.transfers), static_cast<unsigned long>(s.bytes), static_cast<unsigned long>(s.waits),
           static_cast<unsigned long>(s.interrupts), static_cast<unsigned long>(s.timeouts));
    stop_background = true;
    weft::yield();
}

void absent() {
    printf("sd card: absent\n");
    expect(disk->read(0, block, 1, 1s), BlockStatus::not_ready, "read with no card");
    expect(disk->write(0, block, 1, 1s), BlockStatus::not_ready, "write with no card");
    check(disk->block_count() == 0, "no blocks");
    expect(disk->init(100ms), BlockStatus::no_device, "init again: still no card");
}

void tests(void*) {
    disk = board_block_device();
    BlockStatus s = disk->init(1s);
    if (s == BlockStatus::no_device) return absent();
    expect(s, BlockStatus::ok, "init (CMD0, CMD8, ACMD41, CMD58, CMD16, CMD9)");
    if (s != BlockStatus::ok) {
        printf("     the card's answer: 0x%02x\n", static_cast<SdSpi*>(disk)->last_error());
        return;
    }
    printf("sd card: present, %lu blocks of %zu bytes, %s\n", static_cast<unsigned long>(disk->block_count()),
           disk->block_size(), static_cast<SdSpi*>(disk)->high_capacity() ? "block-addressed" : "byte-addressed");
    check(disk->block_count() == blocks && disk->block_size() == block_bytes, "the card's size from its CSD");
    reads();
    writes();
    refusals();
    contention();
    throughput();
}

}  // namespace

int main() {
    if (!weft::spawn(sd_pool, tests, nullptr, "sd")) return 1;
    weft::Status s = weft::run();
    if (s != weft::Status::ok) printf("FAIL run: %s\n", weft::to_string(s));
    printf("sd: %d passed, %d failed\n", passed, failures + (s != weft::Status::ok));
    return failures == 0 && s == weft::Status::ok ? 0 : 1;
}
