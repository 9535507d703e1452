// The pool every host benchmark draws from.
#pragma once

#include "weft/weft.h"

// The host minimum stack.
extern weft::Pool bench_pool;
