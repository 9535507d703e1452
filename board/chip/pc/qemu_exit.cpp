// board_exit() under QEMU's PC: a pass powers off through ACPI (QEMU's PIIX4 PM block, which
// SeaBIOS places at 0x600; S5 is sleep type 0), and QEMU exits with 0; any other status goes to
// isa-debug-exit at 0xF4, and QEMU exits with 2 * status + 1 (the Makefile maps it back).
#include "board.h"
#include "port.h"
#include "x86.h"

extern "C" void board_exit(int code) {
    port_irq_save();
    if (code == 0) {
        // QEMU's main loop acts on the request while the CPU runs on: time for it before the
        // fallback, which ends the run as a failure with status 1 if the power-off never comes.
        x86::outw(0x604, 1u << 13);  // SLP_EN, SLP_TYP 0
        uint64_t until = port_ticks() + PORT_TICK_HZ / 2;
        while (port_ticks() < until) {}
        code = 1;
    }
    x86::outb(0xF4, static_cast<uint8_t>(code));
    for (;;) __asm__ volatile("hlt");
}
