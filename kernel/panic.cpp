// Fatal reports: one line naming what went wrong and the coroutine it concerns.
#include "core.h"
#include "weft/pool.h"

namespace weft {

const char* to_string(Status s) {
    switch (s) {
    case Status::ok: return "ok";
    case Status::exhausted: return "exhausted";
    case Status::timeout: return "timeout";
    case Status::would_block: return "would block";
    case Status::deadlock: return "deadlock";
    case Status::not_owner: return "not owner";
    }
    return "unknown";
}

namespace core {
namespace {

// Builds the message without the C library's formatting, which may itself need a working stack.
struct Line {
    char text[192];
    size_t len = 0;

    [[gnu::noinline]] Line& operator<<(const char* s) {
        while (*s != '\0' && len + 1 < sizeof text) text[len++] = *s++;
        text[len] = '\0';
        return *this;
    }
    Line& hex(uintptr_t v) {
        char digits[2 + 2 * sizeof v + 1] = "0x";
        int n = 2;
        for (int shift = 8 * sizeof v - 4; shift >= 0; shift -= 4) {
            unsigned d = (v >> shift) & 0xF;
            if (n > 2 || d != 0 || shift == 0) digits[n++] = static_cast<char>(d < 10 ? '0' + d : 'a' + d - 10);
        }
        digits[n] = '\0';
        return *this << digits;
    }
};

// "coroutine 'name' in pool 'pool'", or the entry address when unnamed.
Line& describe(Line& line, const Coroutine* co) {
    if (co == &k.root) return line << "main (no coroutine)";
    line << "coroutine ";
    if (co->named)
        line << "'" << static_cast<const char*>(co->label) << "'";
    else
        line.hex(reinterpret_cast<uintptr_t>(co->label)) << " (entry)";
    if (co->pool != nullptr) line << " in pool '" << co->pool->name() << "'";
    return line;
}

}  // namespace

void panic(const char* what, const Coroutine* co, const char* more) {
    Line line;
    line << "weft: " << what << more;
    if (co != nullptr) describe(line << " [", co) << "]";
    port_panic(line.text);
}

}  // namespace core
}  // namespace weft

extern "C" size_t port_running(char* text, size_t size) {
    using namespace weft::core;
    Line line;
    describe(line, k.current);
    size_t n = line.len < size ? line.len : size - 1;
    for (size_t i = 0; i < n; ++i) text[i] = line.text[i];
    text[n] = '\0';
    return n;
}
