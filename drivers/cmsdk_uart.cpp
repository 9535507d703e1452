// ARM CMSDK APB UART: polled transmit.
#include "cmsdk_uart.h"

namespace {

struct Regs {
    volatile uint32_t data;
    volatile uint32_t state;  // bit 0: transmit buffer full
    volatile uint32_t ctrl;   // bit 0: transmit enable
    volatile uint32_t intstatus;
    volatile uint32_t bauddiv;
};

Regs& at(uintptr_t base) { return *reinterpret_cast<Regs*>(base); }

}  // namespace

void cmsdk_uart_init(uintptr_t base, uint32_t bauddiv) {
    at(base).bauddiv = bauddiv;
    at(base).ctrl = 1;
}

void cmsdk_uart_write(uintptr_t base, const char* text, size_t len) {
    Regs& uart = at(base);
    for (size_t i = 0; i < len; ++i) {
        while (uart.state & 1) {}
        uart.data = static_cast<unsigned char>(text[i]);
    }
}
