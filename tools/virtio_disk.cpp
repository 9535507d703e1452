// The disk image of the virtio test (target-tests/virtio/main.cpp): `make FILE` writes it with
// its known pattern; `check FILE` says whether it holds exactly what the test leaves: its written
// blocks with their new contents, every other block as made. Keep the patterns and the list of
// written blocks in step with the test's.
#include <stdio.h>
#include <string.h>

#include <cstdint>
#include <vector>

namespace {

constexpr uint32_t blocks = 256;
constexpr size_t bs = 512;
constexpr uint32_t written[] = {3, 4, 100, 255};

uint8_t pattern(uint32_t b, size_t i) { return static_cast<uint8_t>(b * 7 + i + (b >> 8) * 3 + (i >> 8) * 11); }
uint8_t written_pattern(uint32_t b, size_t i) { return static_cast<uint8_t>(0xa5 ^ (b * 13 + i * 3)); }

bool is_written(uint32_t b) {
    for (uint32_t w : written)
        if (w == b) return true;
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 || (strcmp(argv[1], "make") != 0 && strcmp(argv[1], "check") != 0)) {
        fprintf(stderr, "usage: %s make|check FILE\n", argv[0]);
        return 2;
    }
    const bool making = strcmp(argv[1], "make") == 0;
    FILE* f = fopen(argv[2], making ? "wb" : "rb");
    if (f == nullptr) {
        perror(argv[2]);
        return 2;
    }
    std::vector<uint8_t> block(bs);
    unsigned bad = 0;
    for (uint32_t b = 0; b < blocks; ++b) {
        if (making) {
            for (size_t i = 0; i < bs; ++i) block[i] = pattern(b, i);
            if (fwrite(block.data(), 1, bs, f) != bs) {
                perror(argv[2]);
                return 2;
            }
            continue;
        }
        if (fread(block.data(), 1, bs, f) != bs) {
            printf("FAIL disk image: ends at block %u of %u\n", b, blocks);
            return 1;
        }
        bool same = true;
        for (size_t i = 0; i < bs; ++i) same = same && block[i] == (is_written(b) ? written_pattern(b, i) : pattern(b, i));
        if (!same) {
            printf("FAIL disk image: block %u %s\n", b, is_written(b) ? "does not hold what was written" : "changed");
            ++bad;
        }
    }
    if (!making && fgetc(f) != EOF) {
        printf("FAIL disk image: longer than %u blocks\n", blocks);
        ++bad;
    }
    if (fclose(f) != 0) {
        perror(argv[2]);
        return 2;
    }
    if (!making) printf("disk image: %u blocks, %zu written, the rest unchanged: %s\n", blocks, sizeof written / sizeof *written, bad ? "no" : "yes");
    return bad ? 1 : 0;
}
