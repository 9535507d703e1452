// ARM PrimeCell PL022 as an SPI master. The receive interrupt comes while the receive FIFO is at
// least half full (4 of its 8 frames), so the handler keeps at most a FIFO's worth in flight (more
// would overrun the receiver) and takes the last 1 to 3 frames of a transfer, which raise no
// interrupt, by polling: they are already on the wire, 24 bit times at most, less than the 32 of
// the receive-timeout interrupt, which QEMU does not model.
#include "pl022_spi.h"

#include "mmio.h"
#include "weft/coroutine.h"

namespace {

using mmio::reg;

constexpr uintptr_t cr0 = 0x00;   // bits 0-3: frame size - 1, bits 4-5: format, 6: SPO, 7: SPH, 8-15: SCR
constexpr uintptr_t cr1 = 0x04;   // bit 1: SSE (port enable), bit 2: MS (slave)
constexpr uintptr_t dr = 0x08;
constexpr uintptr_t sr = 0x0C;    // bit 1: TX FIFO not full, bit 2: RX FIFO not empty, bit 4: busy
constexpr uintptr_t cpsr = 0x10;  // clock prescale divisor, even, 2 to 254
constexpr uintptr_t imsc = 0x14;  // bit 0: RX overrun, 1: RX timeout, 2: RX half full, 3: TX half empty
constexpr uintptr_t icr = 0x20;

constexpr uint32_t tx_not_full = 1u << 1, rx_not_empty = 1u << 2, busy = 1u << 4;
constexpr uint32_t enable = 1u << 1;
constexpr uint32_t rx_interrupt = 1u << 2;
constexpr size_t fifo_depth = 8;

struct Masked {
    port_irq_state saved = port_irq_save();
    ~Masked() { port_irq_restore(saved); }
};


}  // namespace

void Pl022Spi::init(uint32_t hz) {
    reg(base_ + cr1) = 0;
    reg(base_ + imsc) = 0;
    (void)set_clock(hz);
    reg(base_ + cr1) = enable;
}

uint32_t Pl022Spi::set_clock(uint32_t hz) {
    if (hz == 0) return 0;
    // The rate is clock / (prescale * (1 + scr)): the smallest even prescale that lets an 8-bit
    // scr reach at most `hz`, then the smallest scr.
    for (uint32_t pre = 2; pre <= 254; pre += 2) {
        const uint64_t step = uint64_t{pre} * hz;
        uint64_t scr = (clock_hz_ + step - 1) / step;  // 1 + scr, rounded up
        if (scr == 0) scr = 1;
        if (scr > 256) continue;
        reg(base_ + cpsr) = pre;
        reg(base_ + cr0) = static_cast<uint32_t>(scr - 1) << 8 | 7u;  // Motorola SPI, mode 0, 8-bit frames
        return static_cast<uint32_t>(clock_hz_ / (pre * scr));
    }
    return 0;
}

weft::Status Pl022Spi::transfer_polled(const uint8_t* tx, uint8_t* rx, size_t len, weft::Timeout timeout) {
    size_t sent = 0, received = 0;
    while (received < len) {
        if (sent < len && sent - received < fifo_depth && (reg(base_ + sr) & tx_not_full)) {
            reg(base_ + dr) = tx != nullptr ? tx[sent] : fill;
            ++sent;
        }
        if (reg(base_ + sr) & rx_not_empty) {
            uint8_t byte = static_cast<uint8_t>(reg(base_ + dr));
            if (rx != nullptr) rx[received] = byte;
            ++received;
        } else if (timeout.passed()) {
            drain();
            Masked m;
            ++stats_.timeouts;
            return weft::Status::timeout;
        }
    }
    Masked m;
    ++stats_.transfers;
    stats_.bytes += static_cast<uint32_t>(len);
    return weft::Status::ok;
}

weft::Status Pl022Spi::transfer(const uint8_t* tx, uint8_t* rx, size_t len, weft::Timeout timeout) {
    // Waiting needs a coroutine to block and an interrupt to wake it.
    if (len < min_interrupt_transfer || !weft::in_coroutine() || port_in_irq() || port_irqs_masked())
        return transfer_polled(tx, rx, len, timeout);
    done_.clear();
    {
        Masked m;
        tx_ = tx;
        rx_ = rx;
        len_ = len;
        sent_ = received_ = 0;
        ++stats_.waits;
        // A FIFO's worth starts it; the handler takes the rest as the frames come back.
        for (; sent_ < len && sent_ < fifo_depth; ++sent_) reg(base_ + dr) = tx != nullptr ? tx[sent_] : fill;
        reg(base_ + imsc) = rx_interrupt;
    }
    weft::Status s = done_.wait(timeout);
    Masked m;
    if (s != weft::Status::ok && len_ != 0) {
        // Given up: the handler must not touch the caller's buffers any more.
        reg(base_ + imsc) = 0;
        len_ = 0;
        drain();
        ++stats_.timeouts;
        return weft::Status::timeout;
    }
    ++stats_.transfers;
    stats_.bytes += static_cast<uint32_t>(len);
    return weft::Status::ok;
}

bool Pl022Spi::pump() {
    // Locals: a store through rx_ may alias the members, which would be reloaded after each byte.
    const uint8_t* tx = tx_;
    uint8_t* rx = rx_;
    const size_t len = len_;
    size_t sent = sent_, received = received_;
    for (;;) {
        while (received < len && (reg(base_ + sr) & rx_not_empty)) {
            uint8_t byte = static_cast<uint8_t>(reg(base_ + dr));
            if (rx != nullptr) rx[received] = byte;
            ++received;
        }
        bool wrote = false;
        while (sent < len && sent - received < fifo_depth && (reg(base_ + sr) & tx_not_full)) {
            reg(base_ + dr) = tx != nullptr ? tx[sent] : fill;
            ++sent;
            wrote = true;
        }
        if (received == len) break;
        // The tail: fewer frames outstanding than raise the interrupt, all of them on the wire.
        if (sent == len && len - received < min_interrupt_transfer) continue;
        // Frames that arrived while the FIFO was refilled are taken now rather than one interrupt later.
        if (!wrote && !(reg(base_ + sr) & rx_not_empty)) {
            sent_ = sent;
            received_ = received;
            return false;
        }
    }
    len_ = 0;
    return true;
}

void Pl022Spi::interrupt() {
    ++stats_.interrupts;
    reg(base_ + icr) = 3u;  // overrun and timeout; the level interrupts clear as the FIFOs move
    if (len_ != 0 && pump()) {
        reg(base_ + imsc) = 0;
        done_.set();
    } else if (len_ == 0) {
        reg(base_ + imsc) = 0;
    }
}

void Pl022Spi::drain() {
    while (reg(base_ + sr) & busy) {}
    while (reg(base_ + sr) & rx_not_empty) (void)static_cast<uint32_t>(reg(base_ + dr));
}

SpiStats Pl022Spi::stats() const {
    Masked m;
    return stats_;
}
