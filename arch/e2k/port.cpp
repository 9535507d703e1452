// e2k port: what of the port interface e2k gives without a board. The cycle counter is the CPU's
// (%clkr); a panic goes to the board's console and exit. Idle, time and the timer need a board's
// interrupt controller and timer, and the trap entry that counts port_trap_depth, which do not exist
// yet (docs/ports/e2k.md). Compiled only by MCST's lcc, which is not available here.
#include <string.h>

#include "board.h"
#include "port.h"

extern "C" {
volatile uint32_t port_trap_depth;
}

// CLKR: the core's clock cycles since reset.
extern "C" uint64_t port_cycles() {
    uint64_t cycles;
    __asm__ volatile("rrd %%clkr, %0" : "=r"(cycles));
    return cycles;
}

extern "C" void port_panic(const char* message) {
    port_irq_save();
    board_console_write(message, strlen(message));
    board_console_write("\n", 1);
    board_exit(101);
}
