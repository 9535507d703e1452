// ARM CMSDK APB UART. Its TX interrupt comes when the buffer empties after a byte, so an idle
// transmitter is started by writing the first byte; RX and TX status latch in INTSTATUS until
// cleared. The handler clears them before its work, so an event during it raises the line again.
#include "cmsdk_uart.h"

namespace {

struct Regs {
    volatile uint32_t data;
    volatile uint32_t state;      // 0: TX full, 1: RX full, 3: RX overrun (write 1 clears)
    volatile uint32_t ctrl;       // 0: TX enable, 1: RX enable, 2: TX interrupt, 3: RX interrupt
    volatile uint32_t intstatus;  // 0: TX, 1: RX (write 1 clears)
    volatile uint32_t bauddiv;
};

constexpr uint32_t tx_full = 1u << 0, rx_full = 1u << 1, rx_overrun = 1u << 3;
constexpr uint32_t tx_enable = 1u << 0, rx_enable = 1u << 1, tx_interrupt = 1u << 2, rx_interrupt = 1u << 3;
constexpr uint32_t tx_status = 1u << 0, rx_status = 1u << 1;

Regs& at(uintptr_t base) { return *reinterpret_cast<Regs*>(base); }

}  // namespace

void CmsdkUart::init(uint32_t bauddiv) {
    at(base_).bauddiv = bauddiv;
    at(base_).ctrl = tx_enable | rx_enable | rx_interrupt;
}

void CmsdkUart::interrupt() {
    Regs& uart = at(base_);
    uart.intstatus = tx_status | rx_status;
    while (uart.state & rx_full) received(static_cast<uint8_t>(uart.data));
    if (uart.state & rx_overrun) {
        uart.state = rx_overrun;
        hardware_error();
    }
    uint8_t byte;
    while (!(uart.state & tx_full) && next_tx(byte)) uart.data = byte;
    if (tx_empty()) uart.ctrl &= ~tx_interrupt;
    wake();
}

void CmsdkUart::start_tx() {
    Regs& uart = at(base_);
    uart.ctrl |= tx_interrupt;
    uint8_t byte;
    if (!(uart.state & tx_full) && next_tx(byte)) uart.data = byte;
}

void CmsdkUart::put_polled(uint8_t byte) {
    while (at(base_).state & tx_full) {}
    at(base_).data = byte;
}
