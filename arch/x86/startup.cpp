// After boot_<arch>.S: the traps, the console, the interrupt controller and the timer, then the
// constructors and main().
#include "board.h"
#include "port.h"
#include "x86.h"

extern "C" {
extern void (*__init_array_start[])(), (*__init_array_end[])();
[[noreturn]] void x86_boot(uint32_t magic, uint32_t info);
int app_main() __asm__("main");
}

extern "C" void x86_boot(uint32_t magic, uint32_t) {
    x86::traps_start();
    x86::intc_start();  // before the board enables its lines
    board_init();       // the console must work before any constructor prints
    if (magic != 0x2BADB002) port_panic("weft: not started by a Multiboot loader");
    x86::timer_start();
    __asm__ volatile("sti" ::: "memory");
    for (auto* f = __init_array_start; f != __init_array_end; ++f) (*f)();
    board_exit(app_main());
}
