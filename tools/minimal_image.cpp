// The smallest image that uses the kernel, for `make size`: one coroutine that yields once and ends.
// What it links beyond start-up and the board is what any application pays for the kernel.
#include "weft/weft.h"

WEFT_POOL(one, 1, PORT_STACK_MIN);

namespace {
void entry(void*) { weft::yield(); }
}  // namespace

int main() {
    if (!weft::spawn(one, entry, nullptr, "one")) return 1;
    return weft::run() == weft::Status::ok ? 0 : 1;
}
