// ARM PrimeCell PL011 UART: polled transmit.
#include "pl011_uart.h"

namespace {

volatile uint32_t& reg(uintptr_t base, uintptr_t offset) {
    return *reinterpret_cast<volatile uint32_t*>(base + offset);
}

constexpr uintptr_t dr = 0x00;
constexpr uintptr_t fr = 0x18;  // bit 5: transmit FIFO full
constexpr uintptr_t cr = 0x30;  // bit 0: UART enable, bit 8: transmit enable

}  // namespace

void pl011_uart_init(uintptr_t base) { reg(base, cr) = (1u << 8) | 1u; }

void pl011_uart_write(uintptr_t base, const char* text, size_t len) {
    for (size_t i = 0; i < len; ++i) {
        while (reg(base, fr) & (1u << 5)) {}
        reg(base, dr) = static_cast<unsigned char>(text[i]);
    }
}
