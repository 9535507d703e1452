// The part of every interrupt-driven UART driver that knows no hardware: the receive and transmit
// rings, waiting on them, and the counters. A driver for one IP block derives from it (cmsdk_uart.h,
// pl011_uart.h, nrf51_uart.h, stm32_usart.h, nrf52_uarte.h): it starts the transmitter, sends a
// byte by polling, and in its interrupt handler moves bytes between the hardware and the rings.
//
// Waiting: a writer finding the transmit ring full, and a reader finding the receive ring empty,
// wait on an auto-reset weft::Event that the handler sets once it has moved bytes. Each clears its
// event before looking at the ring, so a set that comes between the look and the wait is kept.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "byte_ring.h"
#include "weft/event.h"
#include "weft/status.h"
#include "weft/time.h"

// What a UART has done since start-up. Each count wraps at 2^32.
struct UartStats {
    uint32_t received;     // bytes the handler put in the receive ring
    uint32_t dropped;      // bytes the handler read but found no room for: the reader fell behind
    uint32_t holds;        // times a handler that can hold input (rx_hold()) found the ring full
                           // and left the bytes in the hardware until the reader made room
    uint32_t overruns;     // errors the hardware flagged: overrun (a byte lost before the handler
                           // came), framing, parity, break
    uint32_t sent;         // bytes handed to the transmitter, by interrupt or by polling
    uint32_t write_waits;  // times a writer found the transmit ring full and waited for the handler
    uint32_t interrupts;   // handler runs
};

class Uart {
public:
    static constexpr size_t rx_capacity = 64;
    static constexpr size_t tx_capacity = 64;

    Uart(const Uart&) = delete;
    Uart& operator=(const Uart&) = delete;

    // Sends `len` bytes in order. In a coroutine, with interrupts enabled, it queues them, waiting
    // while the transmit ring is full; anywhere else (main() before run(), a handler, interrupts
    // masked) it falls back to write_polled().
    void write(const char* data, size_t len);

    // Sends `len` bytes by polling, after what the transmit ring still holds, masking interrupts
    // around each byte: for the console before the scheduler runs and for fault and panic reports.
    void write_polled(const char* data, size_t len);

    // Takes up to `len` received bytes, waiting up to `timeout` for the first: how many (at least
    // one), or Status::timeout. Waits only in a coroutine, as every blocking call.
    weft::Result<size_t> read(char* data, size_t len, weft::Timeout timeout = weft::forever);

    // Takes up to `len` bytes already received, never waiting: how many. Safe anywhere.
    size_t try_read(char* data, size_t len);

    // The counters, read together.
    UartStats stats() const;

protected:
    constexpr Uart() = default;
    ~Uart() = default;

    // With interrupts masked, after bytes were queued: start sending if the transmitter is idle.
    virtual void start_tx() = 0;
    // With interrupts masked: waits until the transmitter has room, then sends `byte`.
    virtual void put_polled(uint8_t byte) = 0;
    // With interrupts masked: sends by polling what the transmit ring holds; drivers with a
    // transfer in flight finish it first.
    virtual void flush_polled();

    // For the interrupt handler (and start_tx() and put_polled(), which run with interrupts masked).
    // Puts a received byte in the ring, or counts it dropped when the ring is full.
    void received(uint8_t byte);
    // True when the receive ring has no room.
    bool rx_ring_full() const { return rx_.full(); }
    // For a handler that masks its receive interrupt when rx_ring_full(): the reader's next take calls
    // rx_resume() once, with interrupts masked, to unmask it. Bytes the hardware then cannot hold
    // are its overruns, not drops.
    void rx_hold();
    // With interrupts masked, after a hold, once the reader has made room: unmask the receive interrupt.
    virtual void rx_resume() {}
    // Counts an error the hardware flagged.
    void hardware_error() { ++stats_.overruns; }
    // The next byte to send: false when the ring is empty.
    bool next_tx(uint8_t& byte);
    // True when nothing waits to be sent.
    bool tx_empty() const { return tx_.empty(); }
    // For DMA: the queued bytes contiguous in the ring, and dropping them once sent.
    const uint8_t* tx_run(size_t& len) const { return tx_.front(len); }
    void tx_done(size_t len);
    // Last in every handler run: wakes a reader if bytes came, a writer if room was made.
    void wake();

private:
    ByteRing<rx_capacity> rx_;
    ByteRing<tx_capacity> tx_;
    weft::Event rx_ready_{true};
    weft::Event tx_room_{true};
    UartStats stats_{};
    bool rx_came_ = false;
    bool tx_went_ = false;
    bool rx_held_ = false;
};
