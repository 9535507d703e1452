// The generator's random numbers: SplitMix64, so that a seed gives the same program on every build
// (32 and 64 bits, any C++ library), which std's distributions do not promise; or a fuzzer's
// input, read a decision at a time, so that a byte changed changes one choice of the program.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace weft::model {

class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    // Draws from `data`: one byte per choice of up to 256, four for more; zeros once it runs out.
    Rng(const uint8_t* data, size_t size) : state_(0), data_(data), left_(size) {}

    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    // 0 to n - 1 (0 when n is 0).
    unsigned below(unsigned n) {
        if (n == 0) return 0;
        return static_cast<unsigned>((data_ != nullptr ? take(n <= 256 ? 1 : 4) : next()) % n);
    }

    bool percent(unsigned p) { return below(100) < p; }

private:
    uint64_t take(unsigned bytes) {
        uint64_t v = 0;
        for (unsigned i = 0; i < bytes; ++i) {
            v <<= 8;
            if (left_ != 0) {
                v |= *data_++;
                --left_;
            }
        }
        return v;
    }

    uint64_t state_;
    const uint8_t* data_ = nullptr;
    size_t left_ = 0;
};

}  // namespace weft::model
