// STM32F1/F2/F4 USART. Its interrupt is a level: RXNE while a byte waits in DR, TXE while DR can
// take one. The handler empties DR, and masks TXE once the ring has nothing more to send.
#include "stm32_usart.h"

#include "mmio.h"

namespace {

using mmio::reg;

constexpr uintptr_t sr = 0x00;  // 0-3: parity, framing, noise, overrun error; 5: RXNE; 7: TXE
constexpr uintptr_t dr = 0x04;
constexpr uintptr_t brr_reg = 0x08;
constexpr uintptr_t cr1 = 0x0C;  // 13: enable, 7: TXE interrupt, 5: RXNE interrupt, 3: TX, 2: RX

constexpr uint32_t errors = 0xFu, ore = 1u << 3, rxne = 1u << 5, txe = 1u << 7;
constexpr uint32_t enable = 1u << 13, tx_interrupt = 1u << 7, rx_interrupt = 1u << 5;
constexpr uint32_t tx_enable = 1u << 3, rx_enable = 1u << 2;

}  // namespace

void Stm32Usart::init(uint32_t brr) {
    reg(base_ + brr_reg) = brr;
    reg(base_ + cr1) = enable | tx_enable | rx_enable | rx_interrupt;
}

void Stm32Usart::interrupt() {
    // Reading SR, then DR, clears RXNE and the error flags; an overrun alone also interrupts.
    for (uint32_t status; (status = reg(base_ + sr)) & (rxne | ore);) {
        uint32_t data = reg(base_ + dr);
        if (status & errors) hardware_error();
        if (status & rxne) received(static_cast<uint8_t>(data));
    }
    send();
    wake();
}

// DR is filled here too, not only by the TXE interrupt: QEMU 7.2 (Debian 12) raises this USART's line
// for RXNE alone (its transmission is instant, so TXE is always set there).
void Stm32Usart::start_tx() {
    reg(base_ + cr1) = reg(base_ + cr1) | tx_interrupt;
    send();
}

// Hands DR bytes while TXE says it has room (a byte or two on hardware); masks TXE once the ring
// has nothing more to send.
void Stm32Usart::send() {
    uint8_t byte;
    while ((reg(base_ + sr) & txe) && next_tx(byte)) reg(base_ + dr) = byte;
    if (tx_empty()) reg(base_ + cr1) = reg(base_ + cr1) & ~tx_interrupt;
}

void Stm32Usart::put_polled(uint8_t byte) {
    while (!(reg(base_ + sr) & txe)) {}
    reg(base_ + dr) = byte;
}
