// Weft's side of the QEMU layer: the pool every qemu_coroutine_create() draws from, sized at build
// time (-DWEFT_QEMU_POOL_COUNT=n, -DWEFT_QEMU_POOL_STACK_SIZE=bytes) since QEMU's API has no pool.
#pragma once

#include "weft/pool.h"

// How many QEMU coroutines may exist at once; one more is a fatal report naming the pool.
#ifndef WEFT_QEMU_POOL_COUNT
#define WEFT_QEMU_POOL_COUNT 16
#endif

// Stack bytes per QEMU coroutine: at least PORT_STACK_MIN and a multiple of PORT_SLOT_ALIGN.
// QEMU code is written for roomy stacks, so the default never goes below 4 KiB.
#ifndef WEFT_QEMU_POOL_STACK_SIZE
#define WEFT_QEMU_POOL_STACK_SIZE (PORT_STACK_MIN > 4096 ? PORT_STACK_MIN : 4096)
#endif

// The pool behind qemu_coroutine_create(); its counters (used, peak, exhausted) are read as any pool's.
extern weft::Pool qemu_coroutines;
