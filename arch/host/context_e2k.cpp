// Host port on Elbrus Linux: contexts through MCST's C library, since only the operating system may
// write the procedure and chain stack registers. makecontext_e2k makes a context on the slot's data
// stack with hardware stacks the kernel allocates; swapcontext switches (a system call, so this port
// is for running the suites, not for speed); freecontext_e2k gives the hardware stacks back when the
// slot is used again. Not a heap in the kernel's sense: the pool's memory is still all a coroutine
// takes from Weft. Built only by MCST's lcc; see docs/ports/e2k.md for what has been verified.
#include <ucontext.h>

#include "port.h"

namespace {

// makecontext_e2k passes each argument in a 64-bit slot, so a pointer arrives whole.
void start(port_context* ctx) {
    ctx->entry(ctx->arg);
    __builtin_unreachable();  // entry never returns; with no uc_link the process would exit
}

}  // namespace

extern "C" void port_context_init(port_context* ctx, const port_stack* stacks, void (*entry)(void*), void* arg) {
    // The slot's previous coroutine has terminated and is not running: its hardware stacks can go.
    if (ctx->made) freecontext_e2k(&ctx->uc);
    ctx->made = false;
    if (getcontext(&ctx->uc) != 0) port_panic("getcontext failed");
    ctx->uc.uc_stack.ss_sp = stacks[0].lo;
    ctx->uc.uc_stack.ss_size = static_cast<size_t>(stacks[0].hi - stacks[0].lo);
    ctx->uc.uc_link = nullptr;
    ctx->entry = entry;
    ctx->arg = arg;
    if (makecontext_e2k(&ctx->uc, reinterpret_cast<void (*)()>(&start), 1, ctx) != 0)
        port_panic("makecontext_e2k: the system gave the coroutine no hardware stacks");
    ctx->made = true;
}

extern "C" void port_switch(port_context* from, port_context* to) {
    if (swapcontext(&from->uc, &to->uc) != 0) port_panic("swapcontext failed");
}
