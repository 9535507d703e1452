// ARM CMSDK APB UART. Its TX interrupt comes when the buffer empties after a byte, so an idle
// transmitter is started by writing the first byte; RX and TX status latch in INTSTATUS until
// cleared. The handler clears them before its work, so an event during it raises the line again.
#include "cmsdk_uart.h"

#include "mmio.h"

namespace {

using mmio::reg;

constexpr uintptr_t data = 0x00;
constexpr uintptr_t state = 0x04;      // 0: TX full, 1: RX full, 3: RX overrun (write 1 clears)
constexpr uintptr_t ctrl = 0x08;       // 0: TX enable, 1: RX enable, 2: TX interrupt, 3: RX interrupt
constexpr uintptr_t intstatus = 0x0C;  // 0: TX, 1: RX (write 1 clears)
constexpr uintptr_t bauddiv_reg = 0x10;

constexpr uint32_t tx_full = 1u << 0, rx_full = 1u << 1, rx_overrun = 1u << 3;
constexpr uint32_t tx_enable = 1u << 0, rx_enable = 1u << 1, tx_interrupt = 1u << 2, rx_interrupt = 1u << 3;
constexpr uint32_t tx_status = 1u << 0, rx_status = 1u << 1;

}  // namespace

void CmsdkUart::init(uint32_t bauddiv) {
    // A local copy: base_ would be reloaded after every register write, which might alias it.
    const uintptr_t base = base_;
    reg(base + bauddiv_reg) = bauddiv;
    reg(base + ctrl) = tx_enable | rx_enable | rx_interrupt;
}

void CmsdkUart::interrupt() {
    const uintptr_t base = base_;
    reg(base + intstatus) = tx_status | rx_status;
    while (reg(base + state) & rx_full) received(static_cast<uint8_t>(reg(base + data)));
    if (reg(base + state) & rx_overrun) {
        reg(base + state) = rx_overrun;
        hardware_error();
    }
    uint8_t byte;
    while (!(reg(base + state) & tx_full) && next_tx(byte)) reg(base + data) = byte;
    if (tx_empty()) reg(base + ctrl) &= ~tx_interrupt;
    wake();
}

void CmsdkUart::start_tx() {
    const uintptr_t base = base_;
    reg(base + ctrl) |= tx_interrupt;
    uint8_t byte;
    if (!(reg(base + state) & tx_full) && next_tx(byte)) reg(base + data) = byte;
}

void CmsdkUart::put_polled(uint8_t byte) {
    const uintptr_t base = base_;
    while (reg(base + state) & tx_full) {}
    reg(base + data) = byte;
}
