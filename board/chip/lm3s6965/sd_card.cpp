// The microSD slot of the LM3S6965 boards: the card on SSI0 (a PL022, interrupt 7), clock on PA2,
// its data-out on PA4 (SSI0Rx), its data-in on PA5 (SSI0Tx), chip select active low on PD0, a GPIO.
// The OLED controller shares SSI0 with its chip select on PA3 (SSI0Fss): PA3 stays a GPIO, driven
// high, so the OLED never sees the card's traffic. QEMU's lm3s6965evb wires the card the same way
// (hw/arm/stellaris.c), and there PD0 high selects its OLED model instead, which ignores the 0xFF
// bytes clocked with the card deselected.
#include "block_storage.h"
#include "chip/lm3s6965/peripherals.h"
#include "mmio.h"
#include "nvic.h"
#include "pl022_spi.h"
#include "sd_spi.h"

namespace {

using mmio::reg;
using namespace lm3s6965;

constexpr unsigned ssi0_irq = 7;
constexpr uint32_t pa2 = 1u << 2, pa3 = 1u << 3, pa4 = 1u << 4, pa5 = 1u << 5, pd0 = 1u << 0;

// GPIO DATA is address-masked: these addresses write PD0 and PA3 alone.
void select(unsigned device, bool active) {
    if (device == 0) reg(gpio_d + (pd0 << 2)) = active ? 0 : pd0;
}

// The SSI's clock is the core's; SD cards take up to 25 MHz and the PL022 as master at most half its clock.
constinit Pl022Spi ssi0{ssi0_base, BOARD_CPU_HZ, select};
constinit SdSpi card{ssi0, 0, BOARD_CPU_HZ / 2};
bool set_up = false;

void set_up_pins() {
    reg(sysctl_rcgc1) |= 1u << 4;
    reg(sysctl_rcgc2) |= (1u << 0) | (1u << 3);
    // A peripheral's registers answer only 3 clocks after its clock is enabled: the read-back waits.
    (void)static_cast<uint32_t>(reg(sysctl_rcgc2));
    reg(gpio_d + (pd0 << 2)) = pd0;  // deselected before it becomes an output
    reg(gpio_d + gpio_dir) |= pd0;
    reg(gpio_d + gpio_den) |= pd0;
    reg(gpio_a + (pa3 << 2)) = pa3;
    reg(gpio_a + gpio_dir) |= pa3;
    reg(gpio_a + gpio_afsel) |= pa2 | pa4 | pa5;
    reg(gpio_a + gpio_pur) |= pa4;  // no card: its data-out floats, read as 0xFF, nothing answering
    reg(gpio_a + gpio_den) |= pa2 | pa3 | pa4 | pa5;
    ssi0.init(SdSpi::init_hz);
    cortex_m::irq_enable(ssi0_irq);
}

}  // namespace

extern "C" void irq7_handler() { ssi0.interrupt(); }

BlockDevice* board_block_device() {
    if (!set_up) {
        set_up_pins();
        set_up = true;
    }
    return &card;
}

SpiBus* board_storage_bus() {
    (void)board_block_device();
    return &ssi0;
}
