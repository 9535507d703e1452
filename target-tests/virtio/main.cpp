// The virtio drivers on QEMU's virt machine (tools/virtio-check runs it). With a disk and an
// entropy device attached: lists the disk's first blocks, checks every block against the pattern
// tools/virtio-check wrote into the image, writes the blocks in `written` (which the tool then
// finds in the file, and nothing else changed), checks each error status, reads random bytes, and
// measures each transfer waiting on the interrupt and polled, while a worker coroutine counts the
// guest instructions left to it. With no virtio device attached: every call says so. Prints
// "virtio: N passed, N failed" and exits with 0 when all held.
#include <stdio.h>
#include <string.h>

#include "board.h"
#include "chip/qemu-virt/virtio.h"
#include "riscv.h"
#include "weft/weft.h"

using namespace weft;

namespace {

WEFT_POOL(crew, 2, 2048);

unsigned passes;
unsigned failures;

void check(bool ok, const char* what) {
    if (ok) {
        ++passes;
    } else {
        ++failures;
        printf("FAIL virtio: %s\n", what);
    }
}

void check_status(BlockStatus got, BlockStatus want, const char* what) {
    if (got != want) printf("  %s: %s, expected %s\n", what, to_string(got), to_string(want));
    check(got == want, what);
}

void check_status(EntropyStatus got, EntropyStatus want, const char* what) {
    if (got != want) printf("  %s: %s, expected %s\n", what, to_string(got), to_string(want));
    check(got == want, what);
}

// The image tools/virtio-check makes: byte i of block b, and what the test writes over it.
constexpr uint32_t disk_blocks = 256;
uint8_t pattern(uint32_t b, size_t i) { return static_cast<uint8_t>(b * 7 + i + (b >> 8) * 3 + (i >> 8) * 11); }
uint8_t written_pattern(uint32_t b, size_t i) { return static_cast<uint8_t>(0xa5 ^ (b * 13 + i * 3)); }
// Keep in step with tools/virtio-check.
constexpr uint32_t written[] = {3, 4, 100, 255};

constexpr size_t bs = VirtioBlk::sector_size;
constexpr size_t chunk = 8;  // blocks per request
alignas(16) uint8_t buffer[chunk * bs];

bool holds(const uint8_t* data, uint32_t lba, size_t count, uint8_t (*p)(uint32_t, size_t)) {
    for (size_t k = 0; k < count; ++k)
        for (size_t i = 0; i < bs; ++i)
            if (data[k * bs + i] != p(lba + static_cast<uint32_t>(k), i)) return false;
    return true;
}

bool is_written(uint32_t b) {
    for (uint32_t w : written)
        if (w == b) return true;
    return false;
}

// Guest instructions retired (low 32 bits are enough for the differences taken here).
uint32_t instructions() { return static_cast<uint32_t>(RISCV_CSR_READ(minstret)); }

// The worker: yields in a loop, adding up the instructions it ran between its yields, until told
// to stop: what a transfer leaves to other coroutines.
volatile bool stop_worker;
uint32_t worker_instructions;

void worker(void*) {
    while (!stop_worker) {
        const uint32_t began = instructions();
        // Work of its own: a loop the compiler keeps.
        for (int i = 0; i < 20; ++i) __asm__ volatile("");
        worker_instructions += instructions() - began;
        yield();
    }
}

// bytes per guest instruction, to four places, and the worker's share in tenths of a percent.
void print_rate(const char* what, size_t bytes, uint32_t took, uint32_t left) {
    const uint64_t rate = static_cast<uint64_t>(bytes) * 10000 / took;
    const uint64_t share = static_cast<uint64_t>(left) * 1000 / took;
    printf("  %-22s %6lu bytes in %8lu instructions: %lu.%04lu bytes/instruction, %lu.%lu%% left to the worker\n",
           what, static_cast<unsigned long>(bytes), static_cast<unsigned long>(took),
           static_cast<unsigned long>(rate / 10000), static_cast<unsigned long>(rate % 10000),
           static_cast<unsigned long>(share / 10), static_cast<unsigned long>(share % 10));
}

template <class Transfer>
void measure(const char* what, size_t bytes, Transfer transfer) {
    worker_instructions = 0;
    const uint32_t began = instructions();
    const bool ok = transfer();
    const uint32_t took = instructions() - began;
    check(ok, what);
    print_rate(what, bytes, took, worker_instructions);
}

void absent() {
    VirtioBlk& disk = board_virtio_disk();
    VirtioRng& rng = board_virtio_rng();
    check_status(disk.init(within(1000)), BlockStatus::no_device, "disk init with no disk");
    check_status(disk.read(0, buffer, 1, within(1000)), BlockStatus::not_ready, "disk read with no disk");
    check_status(disk.try_write(0, buffer, 1, within(1000)), BlockStatus::not_ready, "disk write with no disk");
    check(disk.block_count() == 0, "no blocks with no disk");
    check_status(rng.init(within(1000)), EntropyStatus::no_device, "rng init with no device");
    size_t got = 1;
    check_status(rng.read(buffer, 16, within(1000), &got), EntropyStatus::not_ready, "rng read with no device");
    check(got == 0, "no bytes with no device");
    printf("virtio: no devices: disk %s, entropy %s\n", to_string(disk.init(within(1000))),
           to_string(rng.init(within(1000))));
}

void disk_checks() {
    VirtioBlk& disk = board_virtio_disk();
    check(disk.block_count() == disk_blocks, "the disk's size");
    printf("virtio-blk: %lu blocks of %lu bytes on interrupt %u\n", static_cast<unsigned long>(disk.block_count()),
           static_cast<unsigned long>(disk.block_size()), disk.irq());

    // The listing: the first blocks' first bytes.
    check_status(disk.read(0, buffer, 4, within(10000000)), BlockStatus::ok, "read blocks 0-3");
    for (size_t k = 0; k < 4; ++k) {
        printf("  block %lu:", static_cast<unsigned long>(k));
        for (size_t i = 0; i < 16; ++i) printf(" %02x", buffer[k * bs + i]);
        printf(" ...\n");
    }

    bool all = true;
    for (uint32_t lba = 0; lba < disk_blocks; lba += chunk) {
        const BlockStatus s = disk.read(lba, buffer, chunk, within(10000000));
        all = all && s == BlockStatus::ok && holds(buffer, lba, chunk, pattern);
    }
    check(all, "every block holds its pattern");

    check_status(disk.read(disk_blocks, buffer, 1, within(1000)), BlockStatus::out_of_range, "read past the end");
    check_status(disk.write(disk_blocks - 2, buffer, 3, within(1000)), BlockStatus::out_of_range,
                 "write reaching past the end");
    check_status(disk.read(0, nullptr, 1, within(1000)), BlockStatus::bad_argument, "read into no buffer");
    check_status(disk.read(0, buffer, 0, within(1000)), BlockStatus::ok, "read of no blocks");

    // 3 and 4 in one request, waiting; 100 polled; 255, the last, waiting.
    for (size_t k = 0; k < 2; ++k)
        for (size_t i = 0; i < bs; ++i) buffer[k * bs + i] = written_pattern(3 + static_cast<uint32_t>(k), i);
    check_status(disk.write(3, buffer, 2, within(10000000)), BlockStatus::ok, "write blocks 3-4");
    for (size_t i = 0; i < bs; ++i) buffer[i] = written_pattern(100, i);
    check_status(disk.try_write(100, buffer, 1, within(10000000)), BlockStatus::ok, "polled write of block 100");
    for (size_t i = 0; i < bs; ++i) buffer[i] = written_pattern(255, i);
    check_status(disk.write(255, buffer, 1, within(10000000)), BlockStatus::ok, "write the last block");

    all = true;
    for (uint32_t lba = 0; lba < disk_blocks; ++lba) {
        memset(buffer, 0, bs);
        const BlockStatus s = lba % 2 ? disk.try_read(lba, buffer, 1, within(10000000))
                                      : disk.read(lba, buffer, 1, within(10000000));
        all = all && s == BlockStatus::ok && holds(buffer, lba, 1, is_written(lba) ? written_pattern : pattern);
    }
    check(all, "written blocks read back, the others unchanged");
    check(disk.interrupts() > 0, "the used-ring interrupt woke the reads");
}

void rng_checks() {
    VirtioRng& rng = board_virtio_rng();
    printf("virtio-rng: on interrupt %u\n", rng.irq());
    uint8_t bytes[64];
    memset(bytes, 0, sizeof bytes);
    size_t got = 0;
    check_status(rng.read(bytes, sizeof bytes, within(10000000), &got), EntropyStatus::ok, "read 64 random bytes");
    check(got == sizeof bytes, "64 random bytes came");
    bool varied = false;
    for (uint8_t b : bytes) varied = varied || b != bytes[0];
    check(varied, "random bytes are not all equal");
    got = 0;
    check_status(rng.try_read(bytes, 32, within(10000000), &got), EntropyStatus::ok, "polled read of 32 bytes");
    check(got == 32, "32 polled bytes came");
    check_status(rng.read(nullptr, 4, within(1000)), EntropyStatus::bad_argument, "random bytes into no buffer");
    // A deadline already passed: QEMU's device often answers within the notifying store, so this
    // is ok or timeout; either way nothing is lost and the device works afterwards (a timeout
    // resets it and sets its queue up again).
    const EntropyStatus late = rng.read(bytes, 16, until(0), &got);
    printf("  a read with a deadline already passed: %s, %lu bytes\n", to_string(late), static_cast<unsigned long>(got));
    check(late == EntropyStatus::ok ? got == 16 : late == EntropyStatus::timeout && got <= 16,
          "a read past its deadline: ok with every byte, or timeout");
    check_status(rng.read(bytes, 16, within(10000000), &got), EntropyStatus::ok, "a read after that");
    check(got == 16, "16 bytes after that");
}

// The transfers measured: the same bytes waiting on the interrupt and polled, in the same run.
constexpr uint32_t measured_blocks = 64;  // blocks 128 to 191, which the checks do not write

void throughput() {
    VirtioBlk& disk = board_virtio_disk();
    VirtioRng& rng = board_virtio_rng();
    printf("virtio: throughput (guest instructions under -icount), a worker coroutine running beside:\n");
    auto blocks = [&](bool polled, bool writing) {
        return [&disk, polled, writing] {
            bool ok = true;
            for (uint32_t lba = 128; lba < 128 + measured_blocks; lba += chunk) {
                if (writing)
                    for (size_t k = 0; k < chunk; ++k)
                        for (size_t i = 0; i < bs; ++i) buffer[k * bs + i] = pattern(lba + static_cast<uint32_t>(k), i);
                const BlockStatus s = writing ? (polled ? disk.try_write(lba, buffer, chunk, within(100000000))
                                                        : disk.write(lba, buffer, chunk, within(100000000)))
                                              : (polled ? disk.try_read(lba, buffer, chunk, within(100000000))
                                                        : disk.read(lba, buffer, chunk, within(100000000)));
                ok = ok && s == BlockStatus::ok;
            }
            return ok;
        };
    };
    // Writes put back what the blocks hold, so the image is unchanged there.
    measure("blk read, waiting", measured_blocks * bs, blocks(false, false));
    measure("blk read, polled", measured_blocks * bs, blocks(true, false));
    measure("blk write, waiting", measured_blocks * bs, blocks(false, true));
    measure("blk write, polled", measured_blocks * bs, blocks(true, true));
    static uint8_t random[4096];
    measure("rng read, waiting", sizeof random,
            [&rng] { return rng.read(random, sizeof random, within(100000000)) == EntropyStatus::ok; });
    measure("rng read, polled", sizeof random,
            [&rng] { return rng.try_read(random, sizeof random, within(100000000)) == EntropyStatus::ok; });
}

void tests(void*) {
    VirtioBlk& disk = board_virtio_disk();
    VirtioRng& rng = board_virtio_rng();
    const BlockStatus d = disk.init(within(10000000));
    const EntropyStatus r = rng.init(within(10000000));
    if (d == BlockStatus::no_device && r == EntropyStatus::no_device) {
        absent();
    } else {
        check_status(d, BlockStatus::ok, "disk init");
        check_status(r, EntropyStatus::ok, "rng init");
        if (d == BlockStatus::ok) disk_checks();
        if (r == EntropyStatus::ok) rng_checks();
        if (d == BlockStatus::ok && r == EntropyStatus::ok) throughput();
    }
    stop_worker = true;
}

}  // namespace

int main() {
    check(spawn(crew, tests, nullptr, "tests").ok(), "spawn the tests");
    check(spawn(crew, worker, nullptr, "worker").ok(), "spawn the worker");
    check(run() == Status::ok, "run() returned ok");
    printf("virtio: %u passed, %u failed\n", passes, failures);
    return failures == 0 ? 0 : 1;
}
