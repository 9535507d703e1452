// The I2C bus and the AT24C32 on it, on the LM3S6965 boards under QEMU: tools/eeprom-check boots this
// image twice on one EEPROM backing file. The first run finds the file erased (all 0xFF), writes
// pages (one write crossing two page boundaries), reads them back, checks the failures (an address
// with no device: nack; no interrupt: timed_out; a held bus: busy and timed_out; bad arguments),
// measures the interrupt-driven transfers beside polled ones, and leaves a marker. The second run
// finds the marker and reads what the first wrote. The host then checks the file's bytes.
#include <stdio.h>
#include <string.h>

#include "at24c.h"
#include "board.h"
#include "board_i2c.h"
#include "chip/lm3s6965/peripherals.h"
#include "nvic.h"
#include "stellaris_i2c.h"
#include "weft/weft.h"

WEFT_POOL(tasks, 3, 3072);

namespace {

constexpr uint8_t eeprom_address = 0x50, nobody = 0x51;
// The layout tools/eeprom-check knows: two whole pages, 40 bytes from 0x5A across the boundaries at
// 0x60 and 0x80, the marker, and 2 KiB the measurement writes.
constexpr uint32_t pages_at = 0x000, pages_len = 64;
constexpr uint32_t across_at = 0x05A, across_len = 40;
constexpr uint32_t marker_at = 0x7F0;
constexpr uint32_t bulk_at = 0x800, bulk_len = 0x800;
constexpr char marker[4] = {'w', 'e', 'f', 't'};

StellarisI2c& bus() { return static_cast<StellarisI2c&>(board_i2c()); }
At24c eeprom{board_i2c(), eeprom_address, at24c32};

int passed = 0, failed = 0;

void check(bool ok, const char* what) {
    if (ok) {
        ++passed;
    } else {
        ++failed;
        printf("FAIL %s\n", what);
    }
}

void check_status(I2cStatus got, I2cStatus want, const char* what) {
    if (got != want) printf("  %s: %s, expected %s\n", what, to_string(got), to_string(want));
    check(got == want, what);
}

uint8_t pattern(uint32_t at) { return static_cast<uint8_t>(at * 7 + 3); }
uint8_t bulk_pattern(uint32_t at) { return static_cast<uint8_t>(at * 13 + 1); }

uint8_t buffer[256];

// True when [at, at + len) of the EEPROM reads as `expect` gives it.
bool reads_as(uint32_t at, uint32_t len, uint8_t (*expect)(uint32_t)) {
    while (len > 0) {
        uint32_t n = len < sizeof buffer ? len : sizeof buffer;
        if (eeprom.read(at, buffer, n, weft::within(weft::tick_hz)) != I2cStatus::ok) return false;
        for (uint32_t i = 0; i < n; ++i)
            if (buffer[i] != expect(at + i)) return false;
        at += n;
        len -= n;
    }
    return true;
}

uint8_t erased(uint32_t) { return 0xFF; }

bool write_pattern(uint32_t at, uint32_t len, uint8_t (*fill)(uint32_t)) {
    uint8_t data[64];
    for (uint32_t i = 0; i < len; ++i) data[i] = fill(at + i);
    return eeprom.write(at, data, len, weft::within(weft::tick_hz)) == I2cStatus::ok;
}

// Guest instructions per tick of the port's clock: QEMU's M-profile cores count no cycles, so a
// loop of known length (two instructions an iteration) calibrates the clock in this run.
uint32_t instructions_per_kilotick() {
    constexpr uint32_t loops = 2000000;
    weft::Tick t0 = weft::now();
    uint32_t n = loops;
    __asm__ volatile("1: subs %0, #1\n\tbne 1b" : "+r"(n)::"cc");
    weft::Tick ticks = weft::now() - t0;
    return static_cast<uint32_t>(uint64_t{2} * loops * 1000 / (ticks > 0 ? ticks : 1));
}

// One measured way of moving bulk bytes: the payload bytes over the instructions the transfer calls
// took (address bytes and checking the data not counted), printed both ways round.
struct Figure {
    uint32_t bytes;
    uint64_t instructions;
};

void print_figure(const char* what, const Figure& f) {
    uint64_t milli = f.instructions * 1000 / f.bytes;  // instructions per byte, in thousandths
    uint64_t micro = uint64_t{f.bytes} * 1000000 / f.instructions;  // bytes per instruction, millionths
    printf("eeprom: %-26s %5u bytes in %7u instructions: "
           "0.%06u bytes/instruction, %u.%03u instructions/byte\n",
           what, static_cast<unsigned>(f.bytes), static_cast<unsigned>(f.instructions),
           static_cast<unsigned>(micro), static_cast<unsigned>(milli / 1000),
           static_cast<unsigned>(milli % 1000));
}

using Transfer = I2cStatus (I2cBus::*)(const I2cTransfer&, weft::Timeout);

// The bulk area's 2 KiB read as 8 random reads of 256 bytes, through `how`.
Figure measure_read(Transfer how, uint32_t ipk) {
    weft::Tick ticks = 0;
    bool ok = true;
    for (uint32_t at = bulk_at; at < bulk_at + bulk_len; at += sizeof buffer) {
        uint8_t address[2] = {static_cast<uint8_t>(at >> 8), static_cast<uint8_t>(at)};
        weft::Timeout timeout = weft::within(weft::tick_hz);
        weft::Tick t0 = weft::now();
        ok &= (bus().*how)({eeprom_address, address, 2, buffer, sizeof buffer}, timeout) == I2cStatus::ok;
        ticks += weft::now() - t0;
        for (uint32_t i = 0; i < sizeof buffer; ++i) ok &= buffer[i] == bulk_pattern(at + i);
    }
    check(ok, "bulk read back");
    return {bulk_len, ticks * ipk / 1000};
}

// Half the bulk area, 1 KiB, as 32 page writes of 32 bytes (each with its 2 address bytes), through `how`;
// the model needs no write-cycle wait.
Figure measure_write(Transfer how, uint32_t from, uint32_t ipk) {
    uint8_t frame[2 + 32];
    weft::Tick ticks = 0;
    bool ok = true;
    for (uint32_t at = from; at < from + bulk_len / 2; at += 32) {
        frame[0] = static_cast<uint8_t>(at >> 8);
        frame[1] = static_cast<uint8_t>(at);
        for (uint32_t i = 0; i < 32; ++i) frame[2 + i] = bulk_pattern(at + i);
        weft::Timeout timeout = weft::within(weft::tick_hz);
        weft::Tick t0 = weft::now();
        ok &= (bus().*how)({eeprom_address, frame, sizeof frame, nullptr, 0}, timeout) == I2cStatus::ok;
        ticks += weft::now() - t0;
    }
    check(ok, "bulk page writes");
    return {bulk_len / 2, ticks * ipk / 1000};
}

// Keeps a timed wait pending, so that the tickless clock runs through the measurement.
void keeper(void*) { weft::sleep_for(weft::tick_hz * 100); }

// Holds the bus for a transfer that no interrupt ends (its line is off) until its deadline.
void holder(void*) {
    uint8_t byte;
    check_status(bus().read(eeprom_address, &byte, 1, weft::within(weft::tick_hz / 50)), I2cStatus::timed_out,
                 "a transfer whose interrupt never comes");
}

void first_run() {
    uint32_t pages = eeprom.pages_written();
    check(write_pattern(pages_at, pages_len, pattern), "two whole pages written");
    check(eeprom.pages_written() - pages == 2, "two whole pages: two page writes");
    pages = eeprom.pages_written();
    check(write_pattern(across_at, across_len, pattern), "a write across two page boundaries");
    check(eeprom.pages_written() - pages == 3, "40 bytes from 0x5A: three page writes (6, 32, 2)");
    check(reads_as(pages_at, pages_len, pattern) && reads_as(across_at, across_len, pattern),
          "pages read back");
    check(reads_as(pages_len, across_at - pages_len, erased) &&
              reads_as(across_at + across_len, 0x100 - across_at - across_len, erased),
          "nothing written around them: no page wrapped");

    uint32_t before = bus().interrupts();
    check(reads_as(pages_at, pages_len, pattern), "a read");
    check(bus().interrupts() - before >= pages_len, "the read ran on the controller's interrupt");

    uint8_t four[4];
    check_status(bus().read(nobody, four, 4, weft::within(weft::tick_hz / 10)), I2cStatus::nack,
                 "a read from an address with no device");
    check_status(bus().write(nobody, four, 4, weft::within(weft::tick_hz / 10)), I2cStatus::nack,
                 "a write to an address with no device");
    At24c absent{board_i2c(), nobody, at24c32};
    check_status(absent.read(0, four, 4, weft::within(weft::tick_hz / 10)), I2cStatus::nack,
                 "an EEPROM read from an address with no device");
    check_status(bus().transfer_polled({nobody, nullptr, 0, four, 4}, weft::within(weft::tick_hz / 10)),
                 I2cStatus::nack, "a polled read from an address with no device");
    check(reads_as(pages_at, 8, pattern), "the bus works after a nack");

    check_status(eeprom.read(4090, four, 10), I2cStatus::bad_argument, "a read past the end");
    check_status(eeprom.write(4095, four, 2), I2cStatus::bad_argument, "a write past the end");
    check_status(bus().read(0x80, four, 1), I2cStatus::bad_argument, "an 8-bit address");
    check_status(bus().transfer({eeprom_address, nullptr, 0, nullptr, 0}), I2cStatus::bad_argument,
                 "an empty transfer");
    check(reads_as(4090, 6, erased), "a refused write wrote nothing");

    // With the line off, no completion wakes the transfer: it times out, and the bus is held meanwhile.
    cortex_m::irq_disable(lm3s6965::i2c0_irq);
    check(weft::spawn(tasks, holder, nullptr, "holder").ok(), "holder spawned");
    weft::yield();
    check_status(bus().try_transfer({eeprom_address, nullptr, 0, four, 1}), I2cStatus::busy,
                 "try_transfer on a held bus");
    check_status(bus().read(eeprom_address, four, 1, weft::within(weft::tick_hz / 200)), I2cStatus::timed_out,
                 "waiting for a held bus");
    weft::sleep_for(weft::tick_hz / 20);
    cortex_m::irq_enable(lm3s6965::i2c0_irq);
    check(reads_as(pages_at, pages_len, pattern), "the bus works after a timeout");

    uint32_t ipk = instructions_per_kilotick();
    printf("eeprom: %u.%03u guest instructions per tick of the port's clock\n",
           static_cast<unsigned>(ipk / 1000), static_cast<unsigned>(ipk % 1000));
    Figure wy = measure_write(&I2cBus::transfer, bulk_at, ipk);
    Figure wp = measure_write(&I2cBus::transfer_polled, bulk_at + bulk_len / 2, ipk);
    Figure ry = measure_read(&I2cBus::transfer, ipk);
    Figure rp = measure_read(&I2cBus::transfer_polled, ipk);
    print_figure("page writes, interrupts:", wy);
    print_figure("page writes, polled:", wp);
    print_figure("reads, interrupts:", ry);
    print_figure("reads, polled:", rp);
    // A byte is 9 SCL periods: at 100 kHz, 90 us of wire time, which the polled transfer spends
    // spinning and the interrupt-driven one leaves to other coroutines but for its own instructions.
    uint64_t wire = uint64_t{BOARD_CPU_HZ} * 9 / 100000;
    uint64_t used = ry.instructions / ry.bytes;
    printf("eeprom: at 100 kHz a byte is %u core clocks on the wire; interrupt-driven reads use %u of them, "
           "leaving %u%% to other coroutines; polled ones leave 0%%\n",
           static_cast<unsigned>(wire), static_cast<unsigned>(used),
           static_cast<unsigned>(used < wire ? 100 - used * 100 / wire : 0));

    check(eeprom.write(marker_at, reinterpret_cast<const uint8_t*>(marker), sizeof marker) == I2cStatus::ok,
          "marker written");
    printf("eeprom: first run done\n");
}

void second_run() {
    check(reads_as(pages_at, pages_len, pattern), "the first run's pages, read by the second");
    check(reads_as(across_at, across_len, pattern), "the first run's write across pages, read by the second");
    check(reads_as(bulk_at, bulk_len, bulk_pattern), "the first run's bulk writes, read by the second");
    check(reads_as(pages_len, across_at - pages_len, erased), "nothing else written");
    printf("eeprom: second run done\n");
}

void test(void*) {
    uint8_t seen[4];
    I2cStatus s = eeprom.read(marker_at, seen, sizeof seen, weft::within(weft::tick_hz));
    check_status(s, I2cStatus::ok, "the marker read");
    bool second = s == I2cStatus::ok && memcmp(seen, marker, sizeof marker) == 0;
    if (second)
        second_run();
    else
        first_run();
    printf("eeprom-%s: %d passed, %d failed\n", second ? "second" : "first", passed, failed);
    board_exit(failed == 0 ? 0 : 1);
}

}  // namespace

int main() {
    if (!weft::spawn(tasks, keeper, nullptr, "keeper")) return 1;
    if (!weft::spawn(tasks, test, nullptr, "test")) return 1;
    return weft::run() == weft::Status::ok ? 0 : 1;
}
