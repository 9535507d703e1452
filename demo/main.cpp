// The demo: coroutines from two pools take turns, one waits until another wakes it,
// and a table shows how much of each stack was used.
#include <stdio.h>

#include "weft/weft.h"

WEFT_POOL(workers, 3, 16384);
WEFT_POOL(helpers, 2, 32768);

namespace {

weft::WaitQueue go;
weft::Coroutine* all[5];
unsigned count;

void worker(void* arg) {
    auto n = reinterpret_cast<uintptr_t>(arg);
    for (int round = 1; round <= 3; ++round) {
        printf("  %s: round %d\n", weft::name(weft::self()), round);
        weft::yield();
    }
    if (n == 0) {
        printf("  %s: waking whoever waits\n", weft::name(weft::self()));
        go.wake_all();
    }
}

void waiter(void*) {
    printf("  %s: waiting\n", weft::name(weft::self()));
    go.wait();
    char buffer[2000];  // something on the stack, to show in the table
    snprintf(buffer, sizeof buffer, "  %s: woken, carrying on\n", weft::name(weft::self()));
    fputs(buffer, stdout);
}

void start(weft::Pool& pool, weft::Entry entry, uintptr_t arg, const char* name) {
    weft::Result<weft::Coroutine*> co = weft::spawn(pool, entry, reinterpret_cast<void*>(arg), name);
    if (!co) {
        printf("spawn %s: %s\n", name, weft::to_string(co.status()));
        return;
    }
    all[count++] = *co;
}

}  // namespace

int main() {
    printf("Weft demo: five coroutines from two pools\n");
    start(workers, worker, 0, "worker-a");
    start(workers, worker, 1, "worker-b");
    start(helpers, waiter, 0, "waiter");
    start(helpers, worker, 2, "helper-c");
    weft::Status s = weft::run();
    printf("run() returned: %s\n\n", weft::to_string(s));
    // A terminated coroutine's slot keeps its high-water mark until the pool hands the slot out again.
    printf("%-10s %-8s %8s %11s\n", "coroutine", "pool", "stack", "high-water");
    for (unsigned i = 0; i < count; ++i)
        printf("%-10s %-8s %8zu %11zu\n", weft::name(all[i]), weft::pool_of(all[i])->name(),
               weft::stack_size(all[i]), weft::stack_high_water(all[i]));
    return s == weft::Status::ok ? 0 : 1;
}
