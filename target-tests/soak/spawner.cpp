// Coroutines that come and go: the spawner starts short-lived ones in a small pool until it is
// full, each doing a few of the lockers' sections and ending, so that freed slots are handed out
// again and again. A full pool refuses with exhausted and changes nothing.
#include "soak.h"

using namespace weft;

// Three slots, fewer than the spawner tries to keep busy.
WEFT_POOL(transient, 3, SOAK_STACK);

namespace soak {
namespace {

uint32_t ended;
bool spawner_done;

void job(void* seed) {
    Rng rng(static_cast<uint32_t>(reinterpret_cast<uintptr_t>(seed)));
    for (uint32_t i = 1 + rng.below(3); i > 0; --i) section(rng);
    ++ended;
}

}  // namespace

void spawner(void*) {
    Rng rng(0x4000);
    uint32_t seed = 0x5000;
    while (!stopping) {
        const size_t before = transient.used();
        // Named and unnamed, as applications have both.
        Result<Coroutine*> co = spawn(transient, job, reinterpret_cast<void*>(uintptr_t{++seed}),
                                      rng.below(2) == 0 ? "job" : nullptr);
        if (co.ok()) {
            ++figures.spawns;
            check(transient.used() == before + 1, "a spawn did not take a slot");
        } else {
            ++figures.refused;
            check(co.status() == Status::exhausted, "a refused spawn did not say exhausted");
            check(before == transient.capacity() && transient.used() == before, "a spawn was refused with slots free");
        }
        check(transient.handed_out() <= transient.capacity(), "the pool handed out more slots than it has");
        if (rng.below(2) == 0) {
            sleep_for(micros(1 + rng.below(50)));
            ++figures.sleeps;
        } else {
            yield();
        }
        note();
    }
    // The jobs end by themselves: each does a few sections.
    while (transient.used() != 0) {
        sleep_for(micros(100));
        note();
    }
    spawner_done = true;
}

void spawner_end() {
    check(spawner_done, "the spawner did not finish");
    check(ended == figures.spawns, "not every job spawned ended");
    check(transient.used() == 0, "the transient pool is not back to zero");
    check(transient.exhausted() == figures.refused, "the pool's exhausted count is not the refusals seen");
    check(figures.spawns > transient.capacity(), "no slot was handed out twice");
}

}  // namespace soak
