// picolibc's stdin, stdout and stderr: output goes to the board's console, input is not wired yet.
#include <stdio.h>

#include "board.h"

namespace {

int put(char c, FILE*) {
    board_console_write(&c, 1);
    return static_cast<unsigned char>(c);
}

FILE console = FDEV_SETUP_STREAM(put, nullptr, nullptr, _FDEV_SETUP_WRITE);

}  // namespace

FILE* const stdin = &console;
FILE* const stdout = &console;
FILE* const stderr = &console;
