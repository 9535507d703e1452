// The disk image the SD card test runs on: what each block holds when tools/sd_image.cpp makes it,
// which blocks the test (target-tests/sd/main.cpp) writes and with what, so that the tool can check
// the image after the run: the written blocks hold the new data, every other byte is unchanged.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace sd_pattern {

inline constexpr size_t block_bytes = 512;
// 1 MiB: QEMU takes only SD images whose size is a power of two.
inline constexpr uint32_t blocks = 2048;

// Byte `i` of block `lba` as made: different in every block and along each.
constexpr uint8_t original(uint32_t lba, size_t i) {
    return static_cast<uint8_t>(lba * 37u + i * 11u + (lba >> 8) * 3u + (i >> 8) * 101u + 1u);
}

// Byte `i` of block `lba` once the test has written it.
constexpr uint8_t written(uint32_t lba, size_t i) { return static_cast<uint8_t>(original(lba, i) ^ 0xA5u ^ (i >> 4)); }

// The blocks the test writes: one alone, a run of three (a multi-block write), and the last.
inline constexpr uint32_t written_blocks[] = {5, 1000, 1001, 1002, blocks - 1};

constexpr bool is_written(uint32_t lba) {
    for (uint32_t b : written_blocks)
        if (b == lba) return true;
    return false;
}

}  // namespace sd_pattern
