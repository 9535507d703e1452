// Makes the SD card test's disk image, or checks it after the run (target-tests/sd/sd_pattern.h):
//   sd-image make FILE     writes the image
//   sd-image check FILE    every written block holds the new data, every other byte is unchanged;
//                          prints "sd-image: N passed, N failed", one check per block
#include <stdio.h>
#include <string.h>

#include "sd_pattern.h"

using namespace sd_pattern;

namespace {

void fill(uint32_t lba, uint8_t* block, bool after) {
    for (size_t i = 0; i < block_bytes; ++i) block[i] = after && is_written(lba) ? written(lba, i) : original(lba, i);
}

int make(const char* path) {
    FILE* f = fopen(path, "wb");
    if (f == nullptr) {
        perror(path);
        return 2;
    }
    uint8_t block[block_bytes];
    for (uint32_t lba = 0; lba < blocks; ++lba) {
        fill(lba, block, false);
        if (fwrite(block, 1, sizeof block, f) != sizeof block) {
            perror(path);
            fclose(f);
            return 2;
        }
    }
    return fclose(f) == 0 ? 0 : 2;
}

int check(const char* path) {
    FILE* f = fopen(path, "rb");
    if (f == nullptr) {
        perror(path);
        return 2;
    }
    unsigned passed = 0, failed = 0;
    uint8_t block[block_bytes], want[block_bytes];
    for (uint32_t lba = 0; lba < blocks; ++lba) {
        fill(lba, want, true);
        size_t got = fread(block, 1, sizeof block, f);
        if (got == sizeof block && memcmp(block, want, sizeof block) == 0) {
            ++passed;
            continue;
        }
        ++failed;
        size_t at = 0;
        while (at < got && block[at] == want[at]) ++at;
        printf("FAIL block %u (%s): byte %zu is %s, expected 0x%02x\n", lba, is_written(lba) ? "written" : "untouched",
               at, at < got ? "different" : "missing", want[at]);
    }
    if (fgetc(f) != EOF) {
        printf("FAIL the image grew past %u blocks\n", blocks);
        ++failed;
    }
    fclose(f);
    printf("sd-image: %u passed, %u failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && strcmp(argv[1], "make") == 0) return make(argv[2]);
    if (argc == 3 && strcmp(argv[1], "check") == 0) return check(argv[2]);
    fprintf(stderr, "usage: sd-image make|check FILE\n");
    return 2;
}
