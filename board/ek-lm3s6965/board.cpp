// EK-LM3S6965: the console is UART0 on PA0 (RX) and PA1 (TX), interrupt-driven on IRQ 5; the I2C
// bus is I2C0 on PB2 (SCL) and PB3 (SDA), interrupt-driven on IRQ 8, at 100 kHz (the board has no I2C
// device of its own, nor pull-ups: the pins' weak ones are on); the STATUS LED is PF0, lit when
// high. The chip resets to its internal oscillator, 12 MHz +-30%: too loose for a UART, so the core
// moves to the 8 MHz crystal, with the PLL bypassed (no PLL lock to wait for, no flash timing to
// change).
#include "board.h"
#include "board_i2c.h"
#include "chip/lm3s6965/peripherals.h"
#include "console_uart.h"
#include "mmio.h"
#include "nvic.h"
#include "pl011_uart.h"
#include "stellaris_i2c.h"

namespace {

using mmio::reg;
using namespace lm3s6965;

constexpr uintptr_t uart_ibrd = 0x24, uart_fbrd = 0x28, uart_lcrh = 0x2C;

void use_crystal() {
    uint32_t rcc = reg(sysctl_rcc) & ~1u;  // MOSCDIS clear: start the main oscillator
    reg(sysctl_rcc) = rcc;
    // No ready flag on this chip: wait, as TI's driverlib does, over a million cycles (ample).
    for (uint32_t i = 0; i < 500000; ++i) __asm__ volatile("");
    // OSCSRC = main oscillator, XTAL = 8 MHz (0xE), BYPASS kept, USESYSDIV clear: the core at 8 MHz.
    rcc &= ~((3u << 4) | (0xFu << 6) | (1u << 22));
    reg(sysctl_rcc) = rcc | (0xEu << 6) | (1u << 11);
}

constinit Pl011Uart uart0{uart0_base};
constinit StellarisI2c i2c0{i2c0_master};

}  // namespace

extern "C" void irq5_handler() { uart0.interrupt(); }
extern "C" void irq8_handler() { i2c0.interrupt(); }

extern "C" void board_init() {
    use_crystal();
    reg(sysctl_rcgc1) |= (1u << 0) | (1u << 12);
    reg(sysctl_rcgc2) |= (1u << 0) | (1u << 1) | (1u << 5);
    // A peripheral's registers answer only 3 clocks after its clock is enabled: the read-back waits.
    (void)static_cast<uint32_t>(reg(sysctl_rcgc2));
    reg(gpio_a + gpio_afsel) |= 3u;
    reg(gpio_a + gpio_den) |= 3u;
    // I2C wants open-drain pins, as TI's driverlib sets them up (GPIOPinTypeI2C).
    reg(gpio_b + gpio_afsel) |= 0xCu;
    reg(gpio_b + gpio_odr) |= 0xCu;
    reg(gpio_b + gpio_pur) |= 0xCu;
    reg(gpio_b + gpio_den) |= 0xCu;
    reg(gpio_f + gpio_dir) |= 1u;
    reg(gpio_f + gpio_den) |= 1u;
    // 8 MHz / (16 * 115200) = 4 + 22/64: 115108 baud. LCRH (8N1) goes last: it latches the divisor.
    reg(uart0_base + uart_ibrd) = 4;
    reg(uart0_base + uart_fbrd) = 22;
    reg(uart0_base + uart_lcrh) = 3u << 5;
    uart0.init();
    cortex_m::irq_enable(5);
    i2c0.init(BOARD_CPU_HZ, 100000);
    cortex_m::irq_enable(i2c0_irq);
}

I2cBus& board_i2c() { return i2c0; }

BOARD_CONSOLE_UART(uart0)

// GPIO DATA is address-masked: this address writes PF0 alone, without a read-modify-write.
extern "C" void board_led(bool on) { reg(gpio_f + (1u << 2)) = on ? 1u : 0u; }
