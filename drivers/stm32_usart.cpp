// STM32F1/F2/F4 USART: polled transmit.
#include "stm32_usart.h"

namespace {

volatile uint32_t& reg(uintptr_t base, uintptr_t offset) {
    return *reinterpret_cast<volatile uint32_t*>(base + offset);
}

constexpr uintptr_t sr = 0x00;  // bit 7: transmit data register empty
constexpr uintptr_t dr = 0x04;
constexpr uintptr_t brr_reg = 0x08;
constexpr uintptr_t cr1 = 0x0C;  // bit 13: USART enable, bit 3: transmitter enable

}  // namespace

void stm32_usart_init(uintptr_t base, uint32_t brr) {
    reg(base, brr_reg) = brr;
    reg(base, cr1) = (1u << 13) | (1u << 3);
}

void stm32_usart_write(uintptr_t base, const char* text, size_t len) {
    for (size_t i = 0; i < len; ++i) {
        while (!(reg(base, sr) & (1u << 7))) {}
        reg(base, dr) = static_cast<unsigned char>(text[i]);
    }
}
