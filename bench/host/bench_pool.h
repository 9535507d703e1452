// The pool every host benchmark draws from.
#pragma once

#include "weft/weft.h"

// The host minimum stack: create() paints the whole stack, so its cost grows with the stack size.
extern weft::Pool bench_pool;
