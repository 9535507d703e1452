// The kernel core in one image, for `make size`: coroutines, the scheduler, a wait queue with a
// timeout and a wake-up, and a sleep. Its kernel share is what the core costs in flash.
#include "weft/weft.h"

WEFT_POOL(two, 2, PORT_STACK_MIN);

namespace {

weft::WaitQueue queue;

void sleeper(void*) {
    weft::sleep_for(weft::Tick{2});
    (void)queue.wake_one();
}

void waiter(void*) { (void)queue.wait(weft::within(100)); }

}  // namespace

int main() {
    if (!weft::spawn(two, waiter, nullptr, "waiter")) return 1;
    if (!weft::spawn(two, sleeper, nullptr, "sleeper")) return 1;
    return weft::run() == weft::Status::ok ? 0 : 1;
}
