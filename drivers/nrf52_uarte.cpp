// Nordic nRF52 UARTE. EasyDMA sends straight from the transmit ring (it is in RAM): one transfer
// per contiguous run, ENDTX ending it. Reception is one byte per transfer, restarted at each ENDRX;
// the UARTE's own FIFO holds what arrives in between.
#include "nrf52_uarte.h"

#include "mmio.h"

namespace {

using mmio::reg;

constexpr uintptr_t tasks_startrx = 0x000;
constexpr uintptr_t tasks_starttx = 0x008;
constexpr uintptr_t events_endrx = 0x110;
constexpr uintptr_t events_endtx = 0x120;
constexpr uintptr_t events_error = 0x124;
constexpr uintptr_t intenset = 0x304;
constexpr uintptr_t intenclr = 0x308;
constexpr uintptr_t errorsrc = 0x480;  // overrun, parity, framing, break (write 1 clears)
constexpr uintptr_t enable = 0x500;
constexpr uintptr_t psel_txd = 0x50C;
constexpr uintptr_t psel_rxd = 0x514;
constexpr uintptr_t baudrate = 0x524;
constexpr uintptr_t rxd_ptr = 0x534;
constexpr uintptr_t rxd_maxcnt = 0x538;
constexpr uintptr_t rxd_amount = 0x53C;
constexpr uintptr_t txd_ptr = 0x544;
constexpr uintptr_t txd_maxcnt = 0x548;
constexpr uintptr_t txd_amount = 0x54C;
constexpr uintptr_t config = 0x56C;

constexpr uint32_t endrx_interrupt = 1u << 4, endtx_interrupt = 1u << 8, error_interrupt = 1u << 9;

uint32_t address(const volatile void* p) { return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(p)); }

// Makes the CPU's writes to RAM visible before a transfer starts reading it.
void before_dma() { __asm__ volatile("dmb" ::: "memory"); }

}  // namespace

void Nrf52Uarte::init(uint32_t tx_pin, uint32_t rx_pin) {
    reg(base_ + psel_txd) = tx_pin;  // pins are taken when enabled: set them first
    reg(base_ + psel_rxd) = rx_pin;
    reg(base_ + baudrate) = 0x01D60000;  // 115200: the UARTE's value, not the legacy UART's
    reg(base_ + config) = 0;             // 8N1, no flow control
    reg(base_ + enable) = 8;
    reg(base_ + rxd_ptr) = address(&rx_byte_);
    reg(base_ + rxd_maxcnt) = 1;
    reg(base_ + events_endrx) = 0;
    reg(base_ + intenset) = endrx_interrupt | error_interrupt;
    reg(base_ + tasks_startrx) = 1;
}

void Nrf52Uarte::interrupt() {
    if (reg(base_ + events_error)) {
        reg(base_ + events_error) = 0;
        reg(base_ + errorsrc) = reg(base_ + errorsrc);
        hardware_error();
    }
    if (reg(base_ + events_endrx)) {
        reg(base_ + events_endrx) = 0;
        if (reg(base_ + rxd_amount) != 0) received(rx_byte_);
        reg(base_ + tasks_startrx) = 1;
    }
    if (reg(base_ + events_endtx)) {
        reg(base_ + events_endtx) = 0;
        if (tx_len_ != 0) tx_done(reg(base_ + txd_amount));
        tx_len_ = 0;
        send_next();
    }
    wake();
}

void Nrf52Uarte::start_tx() {
    if (tx_len_ == 0) send_next();
}

// Starts a transfer of the next contiguous run of the ring, or masks ENDTX when it is empty.
void Nrf52Uarte::send_next() {
    size_t len;
    const uint8_t* run = tx_run(len);
    if (len == 0) {
        reg(base_ + intenclr) = endtx_interrupt;
        return;
    }
    tx_len_ = len;
    reg(base_ + txd_ptr) = address(run);
    reg(base_ + txd_maxcnt) = static_cast<uint32_t>(len);
    reg(base_ + intenset) = endtx_interrupt;
    before_dma();
    reg(base_ + tasks_starttx) = 1;
}

void Nrf52Uarte::flush_polled() {
    if (tx_len_ != 0) {
        while (reg(base_ + events_endtx) == 0) {}
        reg(base_ + events_endtx) = 0;
        tx_done(reg(base_ + txd_amount));
        tx_len_ = 0;
    }
    Uart::flush_polled();
}

void Nrf52Uarte::put_polled(uint8_t byte) {
    tx_byte_ = byte;
    reg(base_ + txd_ptr) = address(&tx_byte_);
    reg(base_ + txd_maxcnt) = 1;
    reg(base_ + events_endtx) = 0;
    before_dma();
    reg(base_ + tasks_starttx) = 1;
    while (reg(base_ + events_endtx) == 0) {}
    reg(base_ + events_endtx) = 0;
}
