// board_exit() on a real PC: there is no emulator to tell and no LED to light, so the status goes
// to the console as a line of its own, and the CPU halts with interrupts masked, where a debugger
// finds the state the program ended in. (board/halt.cpp idles through port_idle(), which on x86
// takes interrupts.)
#include "board.h"
#include "line.h"
#include "port.h"

extern "C" void board_exit(int code) {
    port_irq_save();
    char text[48];
    Line line(text, sizeof text);
    line << "weft: halted with status ";
    line.dec(static_cast<unsigned>(code)) << "\n";
    board_console_write(line.text(), line.length());
    for (;;) __asm__ volatile("cli\n\thlt");
}
