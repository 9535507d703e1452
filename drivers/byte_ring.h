// A ring of bytes with one writer and one reader, one of them an interrupt handler. No atomics: the
// side that is not the handler masks interrupts around every call.
#pragma once

#include <stddef.h>
#include <stdint.h>

template <size_t N>
class ByteRing {
    // Free-running 16-bit indices: a power of two keeps `index % N` right across their wrap.
    static_assert(N > 0 && (N & (N - 1)) == 0 && N <= 32768,
                  "ByteRing: N must be a power of two up to 32768");

public:
    // Bytes queued, and whether none or N are.
    size_t size() const { return static_cast<uint16_t>(head_ - tail_); }
    bool empty() const { return head_ == tail_; }
    bool full() const { return size() == N; }

    // Appends `byte`; false, and nothing changes, when full.
    bool push(uint8_t byte) {
        if (full()) return false;
        data_[head_++ % N] = byte;
        return true;
    }

    // Appends as many of `len` bytes as fit; returns how many.
    size_t push(const char* data, size_t len) {
        size_t n = 0;
        while (n < len && push(static_cast<uint8_t>(data[n]))) ++n;
        return n;
    }

    // Takes the oldest byte; false when empty.
    bool pop(uint8_t& byte) {
        if (empty()) return false;
        byte = data_[tail_++ % N];
        return true;
    }

    // Takes up to `len` bytes, oldest first; returns how many.
    size_t pop(char* data, size_t len) {
        size_t n = 0;
        for (uint8_t byte; n < len && pop(byte);) data[n++] = static_cast<char>(byte);
        return n;
    }

    // For DMA: the oldest bytes that lie contiguous in memory, `len` of them; they stay queued (and
    // untouched by the writer) until drop().
    const uint8_t* front(size_t& len) const {
        size_t at = tail_ % N;
        len = size() < N - at ? size() : N - at;
        return data_ + at;
    }

    // Forgets the `len` oldest bytes (at most size()).
    void drop(size_t len) { tail_ = static_cast<uint16_t>(tail_ + len); }

private:
    uint8_t data_[N] = {};
    uint16_t head_ = 0;
    uint16_t tail_ = 0;
};
