// QEMU's RISC-V virt machine (hw/riscv/virt.c), RV32 or RV64: the console is the NS16550A at
// 0x10000000, interrupt-driven on PLIC source 10; the exit is the SiFive test device at 0x100000,
// whose status becomes QEMU's. QEMU shows no LED.
#include "board.h"
#include "console_uart.h"
#include "ns16550.h"
#include "ns16550_mmio.h"
#include "riscv.h"

namespace {
constinit Ns16550<Ns16550Mmio<1>> uart0{Ns16550Mmio<1>{0x10000000}};
constexpr uintptr_t test_device = 0x100000;
constexpr unsigned uart0_irq = 10;
}

extern "C" void irq10_handler() { uart0.interrupt(); }

extern "C" void board_init() {
    uart0.init(2);  // 115200 baud from the 3.6864 MHz clock virt's device tree gives it
    riscv::irq_enable(uart0_irq);
}

extern "C" void board_exit(int code) {
    // 0x5555: pass, QEMU exits with 0; 0x3333 with the status in the upper half: QEMU exits with it.
    uint32_t request = code == 0 ? 0x5555 : static_cast<uint32_t>(code) << 16 | 0x3333;
    riscv::reg(test_device) = request;
    for (;;) port_idle();
}

extern "C" void board_led(bool) {}

BOARD_CONSOLE_UART(uart0)
