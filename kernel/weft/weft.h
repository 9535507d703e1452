// Everything an application uses.
#pragma once

#include "coroutine.h"
#include "pool.h"
#include "scheduler.h"
#include "status.h"
#include "wait_queue.h"
