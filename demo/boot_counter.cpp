// A count of boots kept in the AT24C32 on the board's I2C bus: each boot reads it, adds one, writes it
// back and prints it. The count is stored with its complement, so an erased chip (all 0xFF) or a
// torn write reads as no count, and counting starts again from 1. Under QEMU the EEPROM's
// contents live in the file given to -drive (docs/drivers.md: make check boots this twice on one).
#include <stdint.h>
#include <stdio.h>

#include "at24c.h"
#include "board.h"
#include "board_i2c.h"
#include "weft/weft.h"

WEFT_POOL(counter_pool, 1, 2048);

namespace {

constexpr uint32_t count_at = 0;

uint32_t word(const uint8_t* p) { return p[0] | p[1] << 8 | p[2] << 16 | uint32_t{p[3]} << 24; }

void put(uint8_t* p, uint32_t v) {
    for (int i = 0; i < 4; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}

void count(void*) {
    At24c eeprom{board_i2c(), 0x50, at24c32};
    uint8_t stored[8];
    I2cStatus s = eeprom.read(count_at, stored, sizeof stored, weft::within(weft::tick_hz));
    if (s != I2cStatus::ok) {
        printf("boot counter: the EEPROM does not answer: %s\n", to_string(s));
        board_exit(1);
    }
    uint32_t boots = word(stored) == ~word(stored + 4) ? word(stored) + 1 : 1;
    put(stored, boots);
    put(stored + 4, ~boots);
    s = eeprom.write(count_at, stored, sizeof stored, weft::within(weft::tick_hz));
    if (s != I2cStatus::ok) {
        printf("boot counter: boot %u not kept: %s\n", static_cast<unsigned>(boots), to_string(s));
        board_exit(1);
    }
    printf("boot counter: boot %u\n", static_cast<unsigned>(boots));
    board_exit(0);
}

}  // namespace

int main() {
    if (!weft::spawn(counter_pool, count, nullptr, "counter")) return 1;
    return weft::run() == weft::Status::ok ? 0 : 1;
}
