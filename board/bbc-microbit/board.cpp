// micro:bit v1: the console is the UART on P0.24 (TX) and P0.25 (RX), through the interface chip,
// interrupt-driven on IRQ 2. The LED is the display's top-left one: matrix row 1 (P0.13, high to
// light) and column 1 (P0.04, low).
#include "board.h"
#include "chip/nrf51822/peripherals.h"
#include "chip/nrf_hfxo.h"
#include "console_uart.h"
#include "mmio.h"
#include "nrf51_uart.h"
#include "nvic.h"

namespace {

using mmio::reg;
using namespace nrf51822;

constexpr uint32_t tx = 24, rx = 25, row1 = 13;
constexpr uint32_t columns = 0x1FFu << 4, rows = 7u << 13;  // P0.04-P0.12, P0.13-P0.15

constinit Nrf51Uart uart0{uart0_base};

}  // namespace

extern "C" void irq2_handler() { uart0.interrupt(); }

extern "C" void board_init() {
    // The 16 MHz crystal: the internal RC oscillator is too loose for a UART's baud rate.
    const bool crystal = nrf_clock::start_hfxo();
    // The UART drives TX only while enabled: the pin idles high between (nRF51 reference manual).
    reg(gpio_outset) = 1u << tx;
    reg(gpio_dirset) = 1u << tx;
    // Every LED dark (rows low, columns high), then column 1 low: row 1 alone lights its LED.
    reg(gpio_outclr) = rows;
    reg(gpio_outset) = columns;
    reg(gpio_dirset) = rows | columns;
    reg(gpio_outclr) = 1u << 4;
    uart0.init(tx, rx);
    if (!crystal) uart0.write_polled(nrf_clock::hfxo_failed, sizeof nrf_clock::hfxo_failed - 1);
    cortex_m::irq_enable(2);
}

BOARD_CONSOLE_UART(uart0)

extern "C" void board_led(bool on) { reg(on ? gpio_outset : gpio_outclr) = 1u << row1; }
