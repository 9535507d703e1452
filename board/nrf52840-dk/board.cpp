// nRF52840 DK: the console is UARTE0 on P0.06 (TX) and P0.08 (RX), wired to the J-Link's virtual COM
// port, interrupt-driven on IRQ 2; LED1 is P0.13, lit when low.
#include "board.h"
#include "chip/nrf_hfxo.h"
#include "console_uart.h"
#include "mmio.h"
#include "nrf52_uarte.h"
#include "nvic.h"

namespace {

using mmio::reg;

constexpr uintptr_t gpio_outset = 0x50000508, gpio_outclr = 0x5000050C, gpio_dirset = 0x50000518;
constexpr uint32_t tx = 6, rx = 8, led1 = 13;

constinit Nrf52Uarte uart0{0x40002000};

}  // namespace

extern "C" void irq2_handler() { uart0.interrupt(); }

extern "C" void board_init() {
    // The 32 MHz crystal: the internal oscillator is too loose for a UART's baud rate.
    const bool crystal = nrf_clock::start_hfxo();
    reg(gpio_outset) = (1u << tx) | (1u << led1);  // TX idles high; LED1 starts dark
    reg(gpio_dirset) = (1u << tx) | (1u << led1);
    uart0.init(tx, rx);
    if (!crystal) uart0.write_polled(nrf_clock::hfxo_failed, sizeof nrf_clock::hfxo_failed - 1);
    cortex_m::irq_enable(2);
}

BOARD_CONSOLE_UART(uart0)

extern "C" void board_led(bool on) { reg(on ? gpio_outclr : gpio_outset) = 1u << led1; }
