// SiFive HiFive1 Rev B (FE310-G002). board_init sets the core clock itself, since what the
// bootloader leaves is not documented: the 16 MHz crystal (HFXOSC) with the PLL bypassed. The
// console is UART0 on GPIO 16 (RX) and 17 (TX) through IOF0, to the J-Link OB's virtual COM port,
// interrupt-driven on PLIC source 3. The LED is the RGB LED's red (GPIO 22, lit when low); green
// (19) and blue (21) are kept dark.
#include "board.h"
#include "chip/fe310/peripherals.h"
#include "console_uart.h"
#include "mmio.h"
#include "riscv.h"
#include "sifive_uart.h"

namespace {

using mmio::reg;
using namespace fe310;

constexpr uint32_t osc_enable = 1u << 30, osc_ready = 1u << 31;  // hfrosccfg, hfxosccfg
constexpr uint32_t pll_sel = 1u << 16, pll_refsel = 1u << 17, pll_bypass = 1u << 18;
constexpr uint32_t plloutdiv_by_1 = 1u << 8;
constexpr uint32_t uart0_pins = 1u << 16 | 1u << 17;
constexpr uint32_t red = 1u << 22, leds = red | 1u << 19 | 1u << 21;

// The FE310's UART divides the bus clock (the core's) by div + 1: 138 gives 115108 baud, 0.08% off.
constexpr uint32_t baud = 115200;
constexpr uint32_t uart_div = (BOARD_CPU_HZ + baud / 2) / baud - 1;

constinit SifiveUart uart0{uart0_base};

void set(uintptr_t address, uint32_t bits) { reg(address) = reg(address) | bits; }
void clear(uintptr_t address, uint32_t bits) { reg(address) = reg(address) & ~bits; }

// The crystal starts in milliseconds; one that has not after this many reads of its ready bit (at
// least some 70 ms on the internal oscillator, a read taking five cycles or more) is taken as
// absent or failed, and the board runs on, on the internal oscillator, whose rate the UART's
// divisor was not made for: the board says so once its console is up, legibly or not.
constexpr uint32_t hfxosc_reads = 1000000;
constexpr char hfxosc_failed[] = "weft: the 16 MHz crystal did not start; running on the internal oscillator\n";

// hfclk from the crystal, true once it drives it. The PLL's reference and bypass change only while
// that path does not drive hfclk, and the reference only while bypassed (SiFive's forum on this
// PRCI: otherwise the PLL can lose lock or latch up), so hfclk runs from the internal oscillator
// meanwhile; pllsel's mux is glitch-free, so code keeps running from flash across the switch.
bool clock_init() {
    const uintptr_t prci = prci_base;
    set(prci + prci_hfrosccfg, osc_enable);
    while (!(reg(prci + prci_hfrosccfg) & osc_ready)) {}  // the oscillator this code may run on
    clear(prci + prci_pllcfg, pll_sel);
    set(prci + prci_hfxosccfg, osc_enable);  // on from reset; the bootloader may have stopped it
    uint32_t reads = 0;
    while (!(reg(prci + prci_hfxosccfg) & osc_ready))
        if (++reads == hfxosc_reads) return false;
    set(prci + prci_pllcfg, pll_bypass);
    set(prci + prci_pllcfg, pll_refsel);
    reg(prci + prci_plloutdiv) = plloutdiv_by_1;
    set(prci + prci_pllcfg, pll_sel);
    clear(prci + prci_hfrosccfg, osc_enable);  // nothing uses it now, and it draws power
    return true;
}

}  // namespace

extern "C" void irq3_handler() { uart0.interrupt(); }

extern "C" void board_init() {
    const bool crystal = clock_init();
    // The LEDs dark, driven by the port register alone: a pin's IOF or XOR would override it.
    const uintptr_t gpio = gpio_base;
    clear(gpio + gpio_iof_en, leds);
    clear(gpio + gpio_out_xor, leds);
    set(gpio + gpio_port, leds);
    set(gpio + gpio_output_en, leds);
    // UART0's pins to the UART: IOF0 selected before the IOF takes them.
    clear(gpio + gpio_iof_sel, uart0_pins);
    set(gpio + gpio_iof_en, uart0_pins);
    uart0.init(uart_div);
    if (!crystal) uart0.write_polled(hfxosc_failed, sizeof hfxosc_failed - 1);
    riscv::irq_enable(uart0_irq);
}

BOARD_CONSOLE_UART(uart0)

extern "C" void board_led(bool on) { (on ? clear : set)(gpio_base + gpio_port, red); }
