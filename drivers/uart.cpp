// The rings and the waiting of every interrupt-driven UART. The thread side masks interrupts around
// each ring access; the handler runs with them unmasked but alone on its UART.
#include "uart.h"

#include "weft/coroutine.h"

namespace {

// A mask held for one scope.
struct Masked {
    port_irq_state saved = port_irq_save();
    ~Masked() { port_irq_restore(saved); }
};

}  // namespace

void Uart::write(const char* data, size_t len) {
    // Waiting needs a coroutine to block and an interrupt to wake it.
    if (!weft::in_coroutine() || port_in_irq() || port_irqs_masked()) return write_polled(data, len);
    while (len > 0) {
        tx_room_.clear();
        size_t n;
        {
            Masked m;
            n = tx_.push(data, len);
            if (n > 0)
                start_tx();
            else
                ++stats_.write_waits;  // full: the transmitter is busy, and its interrupt will make room
        }
        data += n;
        len -= n;
        if (n == 0) (void)tx_room_.wait();
    }
}

void Uart::write_polled(const char* data, size_t len) {
    for (size_t i = 0; i < len; ++i) {
        Masked m;
        flush_polled();
        put_polled(static_cast<uint8_t>(data[i]));
        ++stats_.sent;
    }
}

void Uart::flush_polled() {
    for (uint8_t byte; tx_.pop(byte);) {
        put_polled(byte);
        ++stats_.sent;
    }
}

weft::Result<size_t> Uart::read(char* data, size_t len, weft::Timeout timeout) {
    for (;;) {
        rx_ready_.clear();
        if (size_t n = try_read(data, len); n > 0 || len == 0) return n;
        if (rx_ready_.wait(timeout) != weft::Status::ok) {
            // A byte that came at the deadline, its interrupt taken after the timer's, still counts.
            size_t n = try_read(data, len);
            return n > 0 ? weft::Result<size_t>(n) : weft::Status::timeout;
        }
    }
}

UartStats Uart::stats() const {
    Masked m;
    return stats_;
}

size_t Uart::try_read(char* data, size_t len) {
    Masked m;
    size_t n = rx_.pop(data, len);
    if (rx_held_ && n > 0) {
        rx_held_ = false;
        rx_resume();
    }
    // One set() of the auto-reset event wakes one reader, which may take fewer bytes than came:
    // what it leaves passes the wake-up on to the next reader, if any waits.
    if (!rx_.empty()) rx_ready_.set();
    return n;
}

void Uart::received(uint8_t byte) {
    if (rx_.push(byte)) {
        ++stats_.received;
        rx_came_ = true;
    } else {
        ++stats_.dropped;
    }
}

void Uart::rx_hold() {
    if (rx_held_) return;  // a handler run for another event, while held: the same hold
    rx_held_ = true;
    ++stats_.holds;
}

bool Uart::next_tx(uint8_t& byte) {
    if (!tx_.pop(byte)) return false;
    ++stats_.sent;
    tx_went_ = true;
    return true;
}

void Uart::tx_done(size_t len) {
    tx_.drop(len);
    stats_.sent += static_cast<uint32_t>(len);
    tx_went_ = true;
}

void Uart::wake() {
    ++stats_.interrupts;
    if (rx_came_) rx_ready_.set();
    if (tx_went_) tx_room_.set();
    rx_came_ = tx_went_ = false;
}
