// Fatal reports: one line naming what went wrong and the coroutine it concerns.
#include "core.h"
#include "line.h"
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

// "coroutine 'name' in pool 'pool', stack 312 of 2048 bytes used", or the entry address when
// unnamed: the stack's high-water mark, read now, so a fault or an overflow shows how near the
// limit the coroutine came.
Line& describe(Line& line, const Coroutine* co) {
    if (co == &k.root) return line << "main (no coroutine)";
    line << "coroutine ";
    if (co->name != nullptr)
        line << "'" << co->name << "'";
    else
        line.hex(reinterpret_cast<uintptr_t>(entry_address(co))) << " (entry)";
    if (co->pool != nullptr) {
        line << " in pool '" << co->pool->name() << "', stack ";
        line.dec(stack_high_water(co)) << " of ";
        line.dec(co->pool->stack_size()) << " bytes used";
    }
    return line;
}

}  // namespace

// The message is built without the C library's formatting, which may itself need a working stack.
void panic(const char* what, const Coroutine* co, const char* more) {
    char text[256];
    Line line(text, sizeof text);
    line << "weft: " << what << more;
    if (co != nullptr) describe(line << " [", co) << "]";
    port_panic(line.text());
}

}  // namespace core
}  // namespace weft

extern "C" size_t port_running(char* text, size_t size) {
    using namespace weft::core;
    Line line(text, size);
    describe(line, k.current);
    return line.length();
}
