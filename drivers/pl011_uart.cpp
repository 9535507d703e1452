// ARM PrimeCell PL011 UART. With its FIFO enabled the TX interrupt comes when the FIFO drains
// through the trigger level, not while it is below it, so an idle transmitter is started by filling
// the FIFO (as Linux's driver does); without the FIFO it comes when the holding register empties.
#include "pl011_uart.h"

#include "mmio.h"

namespace {

using mmio::reg;

constexpr uintptr_t dr = 0x00;    // bits 8-11: framing, parity, break, overrun error of that byte
constexpr uintptr_t fr = 0x18;    // bit 4: receive FIFO empty, bit 5: transmit FIFO full
constexpr uintptr_t cr = 0x30;    // bit 0: UART enable, bit 8: transmit enable, bit 9: receive enable
constexpr uintptr_t imsc = 0x38;  // bit 4: RX, bit 5: TX, bit 6: RX timeout interrupt
constexpr uintptr_t mis = 0x40;
constexpr uintptr_t icr = 0x44;

constexpr uint32_t rx_empty = 1u << 4, tx_full = 1u << 5, errors = 0xFu << 8;
constexpr uint32_t rx_interrupt = 1u << 4, tx_interrupt = 1u << 5, rx_timeout_interrupt = 1u << 6;
constexpr unsigned fifo_depth = 16;

}  // namespace

void Pl011Uart::init() {
    reg(base_ + cr) = (1u << 9) | (1u << 8) | 1u;
    // The timeout interrupt: a FIFO holding fewer bytes than its trigger level raises no RX interrupt.
    reg(base_ + imsc) = rx_interrupt | rx_timeout_interrupt;
}

void Pl011Uart::interrupt() {
    reg(base_ + icr) = reg(base_ + mis);
    while (!(reg(base_ + fr) & rx_empty)) {
        uint32_t data = reg(base_ + dr);
        if (data & errors) hardware_error();
        received(static_cast<uint8_t>(data));
    }
    fill(~0u);
    wake();
}

void Pl011Uart::start_tx() {
    reg(base_ + imsc) |= tx_interrupt;
    fill(fifo_depth);
}

// Sends up to `most` queued bytes while the FIFO has room; with the ring empty, the TX interrupt
// has nothing left to do.
void Pl011Uart::fill(unsigned most) {
    uint8_t byte;
    for (unsigned n = 0; n < most && !(reg(base_ + fr) & tx_full) && next_tx(byte); ++n) reg(base_ + dr) = byte;
    if (tx_empty()) reg(base_ + imsc) &= ~tx_interrupt;
}

void Pl011Uart::put_polled(uint8_t byte) {
    while (reg(base_ + fr) & tx_full) {}
    reg(base_ + dr) = byte;
}
