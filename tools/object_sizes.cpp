// Compiled, never run, by tools/object-sizes: each symbol's size is the sizeof of one kernel object.
#include "weft/weft.h"

using Channel4 = weft::Channel<int, 4>;
#define SIZE_OF(T) extern const char size_of_##T[sizeof(weft::T)]; const char size_of_##T[sizeof(weft::T)] = {};
SIZE_OF(Coroutine)
SIZE_OF(Pool)
SIZE_OF(WaitQueue)
SIZE_OF(Mutex)
SIZE_OF(Semaphore)
SIZE_OF(Event)
SIZE_OF(RwLock)
SIZE_OF(ChannelBase)
SIZE_OF(Timer)
SIZE_OF(WaitNode)
SIZE_OF(Waiter)
extern const char size_of_Channel_int_4[sizeof(Channel4)];
const char size_of_Channel_int_4[sizeof(Channel4)] = {};
