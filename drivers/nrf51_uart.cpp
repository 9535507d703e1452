// Nordic nRF51 UART. Registers are tasks, events and configuration at fixed offsets; an event stays
// set, and its interrupt line high, until written 0. Nothing tells whether TXD can take a byte but
// the TXDRDY of the one before, so the driver remembers whether one is on its way.
#include "nrf51_uart.h"

#include "mmio.h"

namespace {

using mmio::reg;

constexpr uintptr_t tasks_startrx = 0x000;
constexpr uintptr_t tasks_starttx = 0x008;
constexpr uintptr_t events_rxdrdy = 0x108;
constexpr uintptr_t events_txdrdy = 0x11C;
constexpr uintptr_t events_error = 0x124;
constexpr uintptr_t intenset = 0x304;
constexpr uintptr_t intenclr = 0x308;
constexpr uintptr_t errorsrc = 0x480;  // overrun, parity, framing, break (write 1 clears)
constexpr uintptr_t enable = 0x500;
constexpr uintptr_t pseltxd = 0x50C;
constexpr uintptr_t pselrxd = 0x514;
constexpr uintptr_t rxd = 0x518;
constexpr uintptr_t txd = 0x51C;
constexpr uintptr_t baudrate = 0x524;

constexpr uint32_t rxdrdy_interrupt = 1u << 2, txdrdy_interrupt = 1u << 7, error_interrupt = 1u << 9;

}  // namespace

void Nrf51Uart::init(uint32_t tx_pin, uint32_t rx_pin) {
    reg(base_ + pselrxd) = rx_pin;  // both before the UART is enabled, which takes the pins
    reg(base_ + pseltxd) = tx_pin;
    reg(base_ + baudrate) = 0x01D7E000;  // 115200
    reg(base_ + enable) = 4;
    reg(base_ + tasks_starttx) = 1;
    reg(base_ + events_rxdrdy) = 0;
    reg(base_ + tasks_startrx) = 1;
    reg(base_ + intenset) = rxdrdy_interrupt | error_interrupt;
}

// A full ring masks RXDRDY rather than drop what comes: the bytes wait in the UART's 6-byte FIFO
// (past it, the chip flags an overrun). Otherwise a stream faster than the reader keeps this loop
// busy and the reader starved: QEMU's model refills its FIFO while the loop drains it.
void Nrf51Uart::interrupt() {
    while (reg(base_ + events_rxdrdy)) {
        if (rx_ring_full()) {
            reg(base_ + intenclr) = rxdrdy_interrupt;
            rx_hold();
            break;
        }
        reg(base_ + events_rxdrdy) = 0;  // before reading RXD, which raises it again for the next byte
        received(static_cast<uint8_t>(reg(base_ + rxd)));
    }
    if (reg(base_ + events_error)) {
        reg(base_ + events_error) = 0;
        reg(base_ + errorsrc) = reg(base_ + errorsrc);
        hardware_error();
    }
    if (reg(base_ + events_txdrdy)) {  // also left set by a polled write: cleared here either way
        tx_busy_ = false;
        send_next();
    }
    wake();
}

// RXDRDY, left set by the hold, raises the interrupt again at once.
void Nrf51Uart::rx_resume() { reg(base_ + intenset) = rxdrdy_interrupt; }

void Nrf51Uart::start_tx() {
    if (!tx_busy_) send_next();
}

// Hands TXD the next queued byte, with the TXDRDY interrupt on for it; off when none is left.
void Nrf51Uart::send_next() {
    uint8_t byte;
    reg(base_ + events_txdrdy) = 0;
    if (!next_tx(byte)) {
        reg(base_ + intenclr) = txdrdy_interrupt;
        return;
    }
    reg(base_ + txd) = byte;
    tx_busy_ = true;
    reg(base_ + intenset) = txdrdy_interrupt;
}

void Nrf51Uart::flush_polled() {
    if (tx_busy_) {
        while (reg(base_ + events_txdrdy) == 0) {}
        tx_busy_ = false;
    }
    Uart::flush_polled();
}

void Nrf51Uart::put_polled(uint8_t byte) {
    reg(base_ + events_txdrdy) = 0;
    reg(base_ + txd) = byte;
    while (reg(base_ + events_txdrdy) == 0) {}
}
