// Reset: the stacks, the trap vector, memory set-up, the console, the timer and interrupt
// controller, constructors, main().
#include <string.h>

#include "board.h"
#include "guard.h"
#include "port.h"
#include "riscv.h"

// From linker/riscv.ld.
extern "C" {
extern char __data_start[], __data_end[], __data_source[];
extern char __bss_start[], __bss_end[], __weft_stacks_start[], __weft_stacks_end[];
extern char __tls_base[];
extern void (*__preinit_array_start[])(), (*__preinit_array_end[])();
extern void (*__init_array_start[])(), (*__init_array_end[])();

void _set_tls(void* tls);  // picolibc: errno and friends are thread-local, through tp
void port_trap_entry();
[[noreturn]] void port_boot();
int app_main() __asm__("main");
}

// First in the image (linker/riscv.ld): where the machine starts. Naked: it sets the registers
// compiled code takes for granted. Interrupts are masked first: reset leaves them so, but a
// bootloader that jumps here (the GD32VF103's DFU ROM) may not. A core may start in an alias of the
// image's flash (the GD32VF103 runs it from address 0), where pc-relative addresses (lla, and
// compiled code's auipc) would miss RAM and everything else outside the alias: so next is a jump
// to the image's own address, read from a word beside the jump, which a pc-relative load finds in
// any alias; at the link address already, it lands on the instruction after the word. gp is
// loaded without relaxation, which would use gp itself.
#if __riscv_xlen == 64
#define START_WORD ".dword"
#define START_LOAD "ld"
#else
#define START_WORD ".word"
#define START_LOAD "lw"
#endif
extern "C" [[gnu::naked, noreturn, gnu::section(".text.start")]] void _start() {
    __asm__ volatile(
        "csrci mstatus, 8\n\t"
        "lla   t0, 1f\n\t"
        START_LOAD "    t0, 0(t0)\n\t"
        "jr    t0\n\t"
        ".p2align 3\n"
        "1:    " START_WORD " 2f\n"
        "2:\n\t"
        ".option push\n\t"
        ".option norelax\n\t"
        "lla   gp, __global_pointer$\n\t"
        ".option pop\n\t"
        "csrw  mie, zero\n\t"
        "lla   sp, __main_stack_top\n\t"
        "lla   t0, port_trap_entry\n\t"
        "csrw  mtvec, t0\n\t"
        "lla   t0, __trap_stack_top\n\t"
        "csrw  mscratch, t0\n\t"
        "j     port_boot\n\t");
}

extern "C" void port_boot() {
    memcpy(__data_start, __data_source, static_cast<size_t>(__data_end - __data_start));
    memset(__bss_start, 0, static_cast<size_t>(__bss_end - __bss_start));
    memset(__weft_stacks_start, 0, static_cast<size_t>(__weft_stacks_end - __weft_stacks_start));
    _set_tls(__tls_base);
    guard_start();
    board_init();  // the console must work before any constructor prints
    riscv::intc_start();
    riscv::timer_start();
    __asm__ volatile("csrs mstatus, %0" ::"r"(riscv::mstatus_mie) : "memory");
    for (auto* f = __preinit_array_start; f != __preinit_array_end; ++f) (*f)();
    for (auto* f = __init_array_start; f != __init_array_end; ++f) (*f)();
    board_exit(app_main());
}

// picolibc's exit() and abort() end here.
extern "C" [[noreturn]] void _exit(int code) { board_exit(code); }
