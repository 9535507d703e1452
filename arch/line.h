// One line of text, built in a buffer its caller owns, without the C library's formatting, which
// may itself need a working stack or a heap: for the kernel's panic reports and the ports' fault
// and start-up reports. It belongs to no port and knows no kernel, so both sides may include it.
#pragma once

#include <stddef.h>
#include <stdint.h>

class Line {
public:
    // Builds in `text`, `size` bytes (at least 1), kept NUL-terminated; what does not fit is cut.
    Line(char* text, size_t size) : text_(text), size_(size) { text_[0] = '\0'; }

    // Appends `s`.
    Line& operator<<(const char* s);

    // Appends "0x" and `v` in hex, zero-padded to at least `digits` digits.
    Line& hex(uintptr_t v, unsigned digits = 1) { return (*this << "0x").number(v, 16, digits); }

    // Appends `v` in decimal.
    Line& dec(uintptr_t v) { return number(v, 10, 1); }

    // The text so far (NUL-terminated) and its length.
    const char* text() const { return text_; }
    size_t length() const { return len_; }

private:
    Line& number(uintptr_t v, unsigned base, unsigned digits);

    char* text_;
    size_t size_;
    size_t len_ = 0;
};

// Out of line, so that an image holds one copy however many reports use them.
[[gnu::noinline]] inline Line& Line::operator<<(const char* s) {
    while (*s != '\0' && len_ + 1 < size_) text_[len_++] = *s++;
    text_[len_] = '\0';
    return *this;
}

[[gnu::noinline]] inline Line& Line::number(uintptr_t v, unsigned base, unsigned digits) {
    char d[3 * sizeof v + 1];  // the most digits of any base from 10 up, and the NUL
    char* p = d + sizeof d - 1;
    *p = '\0';
    for (unsigned n = 0; p != d && (v != 0 || n < digits); ++n) {
        *--p = "0123456789abcdef"[v % base];
        v /= base;
    }
    return *this << p;
}
