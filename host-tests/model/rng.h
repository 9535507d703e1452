// The generator's random numbers: SplitMix64, so that a seed gives the same program on every build
// (32 and 64 bits, any C++ library), which std's distributions do not promise.
#pragma once

#include <stdint.h>

namespace weft::model {

class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}

    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    // 0 to n - 1 (0 when n is 0).
    unsigned below(unsigned n) { return n == 0 ? 0 : static_cast<unsigned>(next() % n); }

    bool percent(unsigned p) { return below(100) < p; }

private:
    uint64_t state_;
};

}  // namespace weft::model
