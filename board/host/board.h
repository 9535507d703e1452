// The host sees the same board hooks as the targets, so code calling board_led() builds everywhere.
#pragma once

#include "../board.h"
