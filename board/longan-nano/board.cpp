// Sipeed Longan Nano (GD32VF103CBT6): the console is USART0 on PA9 (TX) and PA10 (RX), interrupt-
// driven on ECLIC source 56; its USART has the STM32F1's register layout, so the STM32 driver runs
// it. The LED is the red element of the RGB LED, PC13, lit when low; green (PA1) and blue (PA2) are
// held dark. The clock is the 8 MHz IRC8M, which the core, AHB and both APBs run at.
#include "board.h"
#include "console_uart.h"
#include "mmio.h"
#include "riscv.h"
#include "stm32_usart.h"

namespace {

using mmio::reg;

constexpr uintptr_t rcu_ctl = 0x40021000;     // 0: IRC8MEN, 1: IRC8MSTB
constexpr uintptr_t rcu_cfg0 = 0x40021004;    // 1:0 SCS, 3:2 SCSS, 7:4 AHB, 10:8 APB1, 13:11 APB2
constexpr uintptr_t rcu_apb2en = 0x40021018;  // 2: GPIOA, 4: GPIOC, 14: USART0
constexpr uintptr_t gpioa = 0x40010800, gpioc = 0x40011000;
constexpr uintptr_t ctl0 = 0x00, ctl1 = 0x04, bop = 0x10;  // CTL0: pins 0-7, CTL1: pins 8-15
constexpr unsigned usart0_irq = 56;
constinit Stm32Usart usart0{0x40013800};

// Four bits per pin, CTL[1:0] above MD[1:0]: 0xB alternate-function push-pull output at 50 MHz,
// 0x4 floating input, 0x2 push-pull output at 2 MHz. Read-modify-write: PA13 and PA14 are JTAG.
constexpr uint32_t af_push_pull = 0xB, floating_input = 0x4, push_pull = 0x2;
void pin_mode(uintptr_t port, unsigned pin, uint32_t mode) {
    const uintptr_t ctl = port + (pin < 8 ? ctl0 : ctl1);
    const unsigned shift = 4 * (pin % 8);
    reg(ctl) = (reg(ctl) & ~(0xFu << shift)) | mode << shift;
}

// BOP sets a pin with its low half and clears it with its high half: no read-modify-write to race.
void pin_high(uintptr_t port, unsigned pin) { reg(port + bop) = 1u << pin; }

// The reset clock, made sure of rather than assumed: the ROM's DFU bootloader runs USB from the PLL
// and may start the image without a reset. Switched first, prescalers after, so no bus is ever
// faster than it may be on the way.
void clock_irc8m() {
    reg(rcu_ctl) = reg(rcu_ctl) | 1u << 0;
    while (!(reg(rcu_ctl) & 1u << 1)) {}
    reg(rcu_cfg0) = reg(rcu_cfg0) & ~3u;
    while (reg(rcu_cfg0) & 3u << 2) {}
    reg(rcu_cfg0) = reg(rcu_cfg0) & ~0x3FF0u;
}

}  // namespace

extern "C" void irq56_handler() { usart0.interrupt(); }

extern "C" void board_init() {
    clock_irc8m();
    reg(rcu_apb2en) = reg(rcu_apb2en) | 1u << 2 | 1u << 4 | 1u << 14;
    // Dark before they drive: an output comes up at its OCTL bit, 0 from reset, which lights them.
    pin_high(gpioc, 13);
    pin_high(gpioa, 1);
    pin_high(gpioa, 2);
    pin_mode(gpioc, 13, push_pull);
    pin_mode(gpioa, 1, push_pull);
    pin_mode(gpioa, 2, push_pull);
    pin_mode(gpioa, 9, af_push_pull);
    pin_mode(gpioa, 10, floating_input);
    usart0.init(69);  // 8 MHz / 115200 = 69.4: 115942 baud, 0.64% fast
    riscv::irq_enable(usart0_irq);
}

BOARD_CONSOLE_UART(usart0)

extern "C" void board_led(bool on) { reg(gpioc + bop) = on ? 1u << (13 + 16) : 1u << 13; }
