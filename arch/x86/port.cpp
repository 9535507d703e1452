// x86 bare-metal port: context set-up, idle and the panic path; time is time_tsc_apic.cpp's.
#include <string.h>

#include "board.h"
#include "context.h"
#include "port.h"
#include "x86.h"

extern "C" void port_context_init(port_context* ctx, const port_stack* stacks, void (*entry)(void*), void* arg) {
#if defined(__x86_64__)
    ctx->sp = x86::first_frame(stacks[0].hi, entry, arg);
#else
    ctx->sp = x86::first_frame(stacks[0].hi, entry, arg, false);  // the i386 boards leave SSE off
#endif
}

extern "C" bool port_idle() {
    // sti takes effect after the next instruction, so an interrupt already pending is taken in hlt,
    // not before it: it cannot slip in unseen between the caller's check and the sleep. The handler
    // runs here, and the caller's look after the return sees what it did.
    __asm__ volatile("sti\n\thlt\n\tcli" ::: "memory");
    return true;
}

// The TSC: under QEMU's -icount, one count per instruction.
extern "C" uint64_t port_cycles() { return x86::rdtsc(); }

extern "C" void port_panic(const char* message) {
    port_irq_save();
    board_console_write(message, strlen(message));
    board_console_write("\n", 1);
    board_exit(x86::exit_panic);
}
