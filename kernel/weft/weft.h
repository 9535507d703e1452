// Everything an application uses.
#pragma once

#include "channel.h"
#include "coroutine.h"
#include "event.h"
#include "introspect.h"
#include "mutex.h"
#include "pool.h"
#include "rwlock.h"
#include "scheduler.h"
#include "semaphore.h"
#include "status.h"
#include "time.h"
#include "wait_any.h"
#include "wait_queue.h"
