// The host's board hooks: a Linux process has no LED; start-up, console and exit are the C library's.
#include "board.h"

extern "C" void board_led(bool) {}
