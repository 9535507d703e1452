// board_exit() for real boards: with no emulator or debugger to report to, the status goes to the
// console as a line of its own and to the LED, and the core stops where a debugger attached later
// finds the state the program ended in. The line is also where a run under QEMU of the very image
// that is flashed ends (tools/run-to-halt). Through the port, not an arch's instructions, so one
// file serves Cortex-M and RISC-V boards.
#include "board.h"
#include "line.h"
#include "port.h"

extern "C" void board_exit(int code) {
    port_irq_save();  // nothing may run after the program has ended
    char text[48];
    Line line(text, sizeof text);
    line << "weft: halted with status ";
    line.dec(static_cast<unsigned>(code)) << "\n";
    board_console_write(line.text(), line.length());
    board_led(code != 0);
    // A reset would rerun the program and hide why it ended; idling with interrupts masked only
    // waits, since a pending interrupt wakes the core but is never taken.
    for (;;) port_idle();
}
