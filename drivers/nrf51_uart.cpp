// Nordic nRF51 UART: polled transmit. Registers are tasks, events and configuration at fixed offsets.
#include "nrf51_uart.h"

namespace {

volatile uint32_t& reg(uintptr_t base, uintptr_t offset) {
    return *reinterpret_cast<volatile uint32_t*>(base + offset);
}

constexpr uintptr_t tasks_starttx = 0x008;
constexpr uintptr_t events_txdrdy = 0x11C;
constexpr uintptr_t enable = 0x500;
constexpr uintptr_t pseltxd = 0x50C;
constexpr uintptr_t txd = 0x51C;
constexpr uintptr_t baudrate = 0x524;

}  // namespace

void nrf51_uart_init(uintptr_t base, uint32_t tx_pin) {
    reg(base, pseltxd) = tx_pin;
    reg(base, baudrate) = 0x01D7E000;  // 115200
    reg(base, enable) = 4;
    reg(base, tasks_starttx) = 1;
}

void nrf51_uart_write(uintptr_t base, const char* text, size_t len) {
    for (size_t i = 0; i < len; ++i) {
        reg(base, events_txdrdy) = 0;
        reg(base, txd) = static_cast<unsigned char>(text[i]);
        while (reg(base, events_txdrdy) == 0) {}
    }
}
