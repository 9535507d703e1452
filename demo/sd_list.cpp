// The SD card demo, on boards with block storage: starts the card and lists its first blocks, the
// first 32 bytes of each in hex, while a second coroutine counts the turns the reads leave it.
// Under QEMU with a raw disk image: docs/drivers.md, "SD card".
#include <stdio.h>

#include <chrono>

#include "block_device.h"
#include "block_storage.h"
#include "weft/weft.h"

using namespace std::chrono_literals;

WEFT_POOL(demo_pool, 2, 2048);

namespace {

constexpr uint32_t listed = 8;
uint8_t block[512];
bool done;
unsigned turns;

void counter(void*) {
    while (!done) {
        ++turns;
        weft::yield();
    }
}

void lister(void*) {
    BlockDevice* disk = board_block_device();
    BlockStatus s = disk->init(1s);
    if (s != BlockStatus::ok) {
        printf("sd: %s\n", to_string(s));
        done = true;
        return;
    }
    printf("sd: %lu blocks of %zu bytes\n", static_cast<unsigned long>(disk->block_count()), disk->block_size());
    for (uint32_t lba = 0; lba < listed && lba < disk->block_count(); ++lba) {
        if ((s = disk->read(lba, block, 1, 1s)) != BlockStatus::ok) {
            printf("block %lu: %s\n", static_cast<unsigned long>(lba), to_string(s));
            break;
        }
        printf("%6lu:", static_cast<unsigned long>(lba));
        for (int i = 0; i < 32; ++i) printf(" %02x", block[i]);
        printf("\n");
    }
    printf("the counter ran %u turns meanwhile\n", turns);
    done = true;
}

}  // namespace

int main() {
    if (!weft::spawn(demo_pool, lister, nullptr, "lister") || !weft::spawn(demo_pool, counter, nullptr, "counter")) return 1;
    return weft::run() == weft::Status::ok ? 0 : 1;
}
