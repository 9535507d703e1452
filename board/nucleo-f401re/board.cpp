// NUCLEO-F401RE: the console is USART2 on PA2 (TX) and PA3 (RX), wired to the ST-LINK's virtual COM
// port, interrupt-driven on IRQ 38; LD2 is PA5, lit when high. The core stays on HSI at 16 MHz, which
// APB1 (USART2, and TIM5, the time source) also runs at.
#include "board.h"
#include "console_uart.h"
#include "mmio.h"
#include "nvic.h"
#include "stm32_usart.h"

namespace {

using mmio::reg;

constexpr uintptr_t rcc_ahb1enr = 0x40023830;  // bit 0: GPIOA
constexpr uintptr_t rcc_apb1enr = 0x40023840;  // bit 17: USART2
constexpr uintptr_t gpioa = 0x40020000;
constexpr uintptr_t moder = 0x00, bsrr = 0x18, afrl = 0x20;
constinit Stm32Usart usart2{0x40004400};

// Two bits per pin in MODER; read-modify-write, since PA13 and PA14 carry the ST-LINK's SWD.
void pin_mode(unsigned pin, uint32_t mode) {
    reg(gpioa + moder) = (reg(gpioa + moder) & ~(3u << 2 * pin)) | mode << 2 * pin;
}

}  // namespace

extern "C" void irq38_handler() { usart2.interrupt(); }

extern "C" void board_init() {
    reg(rcc_ahb1enr) |= 1u << 0;
    reg(rcc_apb1enr) |= 1u << 17;
    // STM32F4 erratum: an access just after a clock enable can be lost; the read-back waits it out.
    (void)static_cast<uint32_t>(reg(rcc_apb1enr));
    reg(gpioa + afrl) = (reg(gpioa + afrl) & ~0xFF00u) | 0x7700u;  // PA2, PA3: AF7, USART2
    pin_mode(2, 2);
    pin_mode(3, 2);
    pin_mode(5, 1);
    usart2.init(139);  // 16 MHz / 115200 = 138.9: 115108 baud, 0.08% off
    cortex_m::irq_enable(38);
}

BOARD_CONSOLE_UART(usart2)

// BSRR sets a pin with the low half, resets it with the high half: no read-modify-write to race.
extern "C" void board_led(bool on) { reg(gpioa + bsrr) = on ? 1u << 5 : 1u << (5 + 16); }
