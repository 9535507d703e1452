// SiFive UART. The receive watermark (more than rxcnt = 0 bytes waiting) and the transmit watermark
// (fewer than txcnt = 1 bytes queued: the FIFO is empty) are levels, not events: the handler empties
// the receive FIFO, and the transmit interrupt is enabled only while the ring holds bytes. The
// block flags no receive errors: a byte lost is one the ring had no room for (UartStats::dropped).
//
// QEMU 7.2's model (hw/char/sifive_uart.c) raises its interrupt line whenever IE.TXWM is set, and
// whenever IE.RXWM is set and any byte waits, whatever txcnt and rxcnt say. With rxcnt = 0 and
// txcnt = 1 that is the chip's behaviour too, since QEMU sends at once and its transmit FIFO is
// always empty: the driver needs nothing of its own for QEMU. Its PLIC latches each raise, also
// those of reads that leave bytes behind, so a handler run may find nothing to do: one claim more.
#include "sifive_uart.h"

#include "mmio.h"

namespace {

using mmio::reg;

constexpr uintptr_t txdata = 0x00;  // write: a byte; read: bit 31, the FIFO is full
constexpr uintptr_t rxdata = 0x04;  // read: bit 31, the FIFO was empty; else the byte, popped
constexpr uintptr_t txctrl = 0x08;  // 0: enable; 16-18: txcnt
constexpr uintptr_t rxctrl = 0x0C;  // 0: enable; 16-18: rxcnt
constexpr uintptr_t ie = 0x10;      // 0: transmit watermark, 1: receive watermark
constexpr uintptr_t div_reg = 0x18;

constexpr uint32_t full = 1u << 31, empty = 1u << 31;
constexpr uint32_t tx_watermark = 1u << 0, rx_watermark = 1u << 1;

}  // namespace

void SifiveUart::init(uint32_t div) {
    const uintptr_t base = base_;
    reg(base + div_reg) = div;
    reg(base + txctrl) = 1u | 1u << 16;
    reg(base + rxctrl) = 1u;
    reg(base + ie) = rx_watermark;
}

void SifiveUart::interrupt() {
    const uintptr_t base = base_;
    for (uint32_t d; !((d = reg(base + rxdata)) & empty);) received(static_cast<uint8_t>(d));
    fill();
    wake();
}

// With interrupts masked: as much of the ring as the FIFO takes, and the transmit interrupt on
// while bytes are left.
void SifiveUart::fill() {
    const uintptr_t base = base_;
    uint8_t byte;
    while (!(reg(base + txdata) & full) && next_tx(byte)) reg(base + txdata) = byte;
    reg(base + ie) = tx_empty() ? rx_watermark : rx_watermark | tx_watermark;
}

void SifiveUart::start_tx() { fill(); }

void SifiveUart::put_polled(uint8_t byte) {
    const uintptr_t base = base_;
    while (reg(base + txdata) & full) {}
    reg(base + txdata) = byte;
}
