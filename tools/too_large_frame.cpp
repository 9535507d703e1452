// An image with a frame deeper than the MPU or PMP guard, written only at its bottom: with
// STACK_GUARD=mpu or pmp its link must stop with tools/frame-check's message naming the function
// (tools/build-tests).
#include "weft/weft.h"

WEFT_POOL(one, 1, PORT_STACK_MIN);

namespace {

[[gnu::noinline]] void keep(volatile char* bottom) { bottom[1] = bottom[0]; }

void too_deep(void*) {
    volatile char frame[1024];
    frame[0] = 1;
    keep(frame);
}

}  // namespace

int main() {
    if (!weft::spawn(one, too_deep, nullptr, "too_deep")) return 1;
    return weft::run() == weft::Status::ok ? 0 : 1;
}
