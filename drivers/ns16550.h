// NS16550A UART (QEMU's virt, the PC's COM ports, many SoCs): a 16-byte FIFO each way and one
// interrupt line. Interrupt-driven and yield-based (uart.h). How its eight registers are reached is
// the board's `Bus`: memory-mapped with a stride (ns16550_mmio.h) or, on a PC, port I/O. Any Bus
// gives `uint8_t read(unsigned index) const` and `void write(unsigned index, uint8_t value) const`.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "uart.h"

namespace ns16550 {

// Register indices, with the divisor latch (LCR.DLAB) clear; DLL and DLM with it set.
enum : unsigned { rbr = 0, thr = 0, dll = 0, ier = 1, dlm = 1, iir = 2, fcr = 2, lcr = 3, mcr = 4, lsr = 5 };
inline constexpr uint8_t ier_rx = 1u << 0, ier_tx = 1u << 1, ier_line = 1u << 2;
inline constexpr uint8_t lsr_data = 1u << 0, lsr_errors = 0x1E, lsr_thr_empty = 1u << 5;  // overrun, parity, framing, break
inline constexpr size_t fifo = 16;

}  // namespace ns16550

template <class Bus>
class Ns16550 final : public Uart {
public:
    // The UART `bus` reaches; constant-initialised, so usable before constructors run. No register
    // is touched before init().
    constexpr explicit Ns16550(Bus bus) : bus_(bus) {}

    // 8N1 at the baud the input clock gives with `divisor` (clock / 16 / baud), FIFOs on and
    // cleared, the receive and line-status interrupts on; OUT2 set, which a PC needs to route the
    // interrupt. The board enables the interrupt line. Works, by polling, from here on.
    void init(uint16_t divisor) {
        using namespace ns16550;
        bus_.write(ier, 0);
        bus_.write(lcr, 0x80);
        bus_.write(dll, static_cast<uint8_t>(divisor));
        bus_.write(dlm, static_cast<uint8_t>(divisor >> 8));
        bus_.write(lcr, 0x03);
        bus_.write(fcr, 0x07);
        bus_.write(mcr, 0x08);
        bus_.write(ier, ier_ = ier_rx | ier_line);
    }

    // The handler of this UART's interrupt line. Each LSR read counts the errors it reports
    // (line_status()) and every received byte pops, so nothing is counted twice.
    void interrupt() {
        using namespace ns16550;
        uint8_t status;
        while (((status = line_status()) & lsr_data) != 0) received(bus_.read(rbr));
        if (status & lsr_thr_empty) fill();
        wake();
    }

private:
    // LSR. Reading it clears the error flags it reports, so every read counts them: the handler's
    // and the polling ones of start_tx() and put_polled() (masked, so never alongside the handler),
    // or an error one of those saw first would go uncounted.
    uint8_t line_status() {
        uint8_t status = bus_.read(ns16550::lsr);
        if (status & ns16550::lsr_errors) hardware_error();
        return status;
    }

    // With interrupts masked: an empty FIFO takes up to 16 bytes; the THR-empty interrupt, on
    // while bytes wait, says when it is empty again.
    void fill() {
        using namespace ns16550;
        uint8_t byte;
        for (size_t n = 0; n < fifo && next_tx(byte); ++n) bus_.write(thr, byte);
        tx_interrupt(!tx_empty());
    }

    // IER's THR-empty bit, written only when it changes: each write is an `out` on a PC.
    void tx_interrupt(bool on) {
        using namespace ns16550;
        const uint8_t want = on ? ier_rx | ier_line | ier_tx : ier_rx | ier_line;
        if (want != ier_) bus_.write(ier, ier_ = want);
    }

    void start_tx() override {
        if (line_status() & ns16550::lsr_thr_empty)
            fill();
        else
            tx_interrupt(true);
    }

    // Polling empties the ring, so the THR-empty interrupt has nothing left to wait for.
    void flush_polled() override {
        Uart::flush_polled();
        tx_interrupt(false);
    }

    void put_polled(uint8_t byte) override {
        while (!(line_status() & ns16550::lsr_thr_empty)) {}
        bus_.write(ns16550::thr, byte);
    }

    Bus bus_;
    uint8_t ier_ = 0;  // what IER holds: only this driver writes it
};
