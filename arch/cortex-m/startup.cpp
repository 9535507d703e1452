// Reset: the vector table, the switch to PSP, memory set-up, the console, constructors, main().
#include <string.h>

#include "board.h"
#include "cortex_m.h"
#include "guard.h"
#include "irq_table.h"
#include "line.h"
#include "port.h"

#ifndef BOARD_IRQ_COUNT
#error "board.mk must give the number of device interrupts: -DBOARD_IRQ_COUNT=<n> in BOARD_FLAGS"
#endif

// From linker/cortex_m.ld.
extern "C" {
extern char __data_start[], __data_end[], __data_source[];
extern char __bss_start[], __bss_end[], __weft_stacks_start[], __weft_stacks_end[];
extern char __tls_base[], __handler_stack_top[];
extern void (*__preinit_array_start[])(), (*__preinit_array_end[])();
extern void (*__init_array_start[])(), (*__init_array_end[])();

void _set_tls(void* tls);  // picolibc: errno and friends are thread-local
[[noreturn]] void Reset_Handler();
void port_fault();
void SysTick_Handler();
int app_main() __asm__("main");
}

namespace {

using Handler = void (*)();

struct Vectors {
    void* stack;
    Handler handlers[15];
};

}  // namespace

[[gnu::section(".vectors"), gnu::used]] const Vectors port_vectors = {
    __handler_stack_top,
    {
        Reset_Handler,
        port_fault,  // NMI
        port_fault,  // HardFault
        port_fault,  // MemManage
        port_fault,  // BusFault
        port_fault,  // UsageFault
        port_fault,  // SecureFault
        nullptr, nullptr, nullptr,
        port_fault,  // SVCall
        port_fault,  // DebugMonitor
        nullptr,
        port_fault,  // PendSV
        SysTick_Handler,
    },
};

// Device interrupts, right after the core's: entry N is irqN_handler, a weak alias of the handler
// below, so a board or driver defines only the handlers it uses and any other interrupt stops the
// system with its number. The table has BOARD_IRQ_COUNT entries.
extern "C" [[gnu::used]] void port_unexpected_irq() {
    uint32_t ipsr;
    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    char text[32];
    Line line(text, sizeof text);
    line << "unexpected interrupt ";
    port_panic(line.dec((ipsr & 0x1FF) - 16).text());
}

#define WEFT_IRQ_ALIAS(n) extern "C" [[gnu::weak, gnu::alias("port_unexpected_irq")]] void irq##n##_handler();
WEFT_IRQ_ALL(WEFT_IRQ_ALIAS)

namespace {
constexpr weft_irq::Handler every_irq[] = {WEFT_IRQ_ALL(WEFT_IRQ_ENTRY)};
}

// constinit: a table built at run time would be written to flash.
[[gnu::section(".vectors.device"), gnu::used]] constinit const weft_irq::Table<BOARD_IRQ_COUNT> port_device_vectors =
    weft_irq::first<BOARD_IRQ_COUNT>(every_irq);

extern "C" [[noreturn]] void port_boot() {
    memcpy(__data_start, __data_source, static_cast<size_t>(__data_end - __data_start));
    memset(__bss_start, 0, static_cast<size_t>(__bss_end - __bss_start));
    memset(__weft_stacks_start, 0, static_cast<size_t>(__weft_stacks_end - __weft_stacks_start));
    _set_tls(__tls_base);
    guard_start();
#if !defined(__ARM_ARCH_6M__) && !defined(__ARM_ARCH_8M_BASE__)
    cortex_m::reg(cortex_m::shcsr) |= 7u << 16;  // MemManage, BusFault, UsageFault report as themselves
#endif
    board_init();  // the console must work before any constructor prints
    cortex_m::timer_start();
    for (auto* f = __preinit_array_start; f != __preinit_array_end; ++f) (*f)();
    for (auto* f = __init_array_start; f != __init_array_end; ++f) (*f)();
    board_exit(app_main());
}

// Naked: it moves the stack pointer, which compiled code must not see happen.
extern "C" [[gnu::naked, noreturn]] void Reset_Handler() {
    __asm__ volatile(
#if defined(__ARM_FP)
        // CP10 and CP11 full access, before any code the compiler generates can use the FPU.
        "ldr  r0, =0xE000ED88\n\t"
        "ldr  r1, [r0]\n\t"
        "ldr  r2, =0x00F00000\n\t"
        "orrs r1, r2\n\t"
        "str  r1, [r0]\n\t"
        // FPCCR.ASPEN and LSPEN, their reset values, made certain (a boot loader may have cleared
        // them): the switch keeps a context's FPU registers only when CONTROL.FPCA says it used
        // the FPU, and only ASPEN makes the hardware set FPCA.
        "ldr  r0, =0xE000EF34\n\t"
        "ldr  r1, [r0]\n\t"
        "orr  r1, r1, #0xC0000000\n\t"
        "str  r1, [r0]\n\t"
        "dsb\n\t"
        "isb\n\t"
#endif
#if defined(__ARM_ARCH_8M_MAIN__)
        "ldr  r0, =__handler_stack_bottom\n\t"
        "msr  msplim, r0\n\t"
        "ldr  r0, =__main_stack_bottom\n\t"
        "msr  psplim, r0\n\t"
#endif
        // Thread mode moves to PSP; MSP, already at the top of the handler stack, stays for handlers.
        "ldr  r0, =__main_stack_top\n\t"
        "msr  psp, r0\n\t"
        "movs r0, #2\n\t"
        "msr  control, r0\n\t"
        "isb\n\t"
        "bl   port_boot\n\t"  // bl for its range on ARMv6-M; port_boot never returns
        ".ltorg\n\t");
}

// picolibc's exit() and abort() end here.
extern "C" [[noreturn]] void _exit(int code) { board_exit(code); }
