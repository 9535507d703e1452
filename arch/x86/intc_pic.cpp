// The PC's two 8259 interrupt controllers, cascaded on line 2: lines 0-15 at vectors vector_pic
// and up, each masked until a board or driver enables it. Their output reaches the CPU through the
// local APIC's LINT0 in ExtINT mode (time_tsc_apic.cpp), which needs no APIC end-of-interrupt.
// Lines are edge-triggered: a handler must leave its device with nothing pending, or it never
// interrupts again.
#include "irq_table.h"
#include "x86.h"

using namespace x86;

namespace {

constexpr uint16_t master_command = 0x20, master_data = 0x21, slave_command = 0xA0, slave_data = 0xA1;
constexpr uint8_t eoi = 0x20, read_isr = 0x0B;

// Old controllers need time between writes; an `out` to the unused port 0x80 gives it.
void settle() { outb(0x80, 0); }

uint8_t in_service(uint16_t command) {
    outb(command, read_isr);
    return inb(command);
}

}  // namespace

void x86::intc_start() {
    const uint8_t init[2][4] = {
        {0x11, vector_pic, 1u << 2, 0x01},  // edge, cascaded, ICW4; vectors; slave on line 2; 8086 mode
        {0x11, vector_pic + 8, 2, 0x01},    // ...; its cascade identity is 2
    };
    for (unsigned i = 0; i < 4; ++i) {
        outb(i == 0 ? master_command : master_data, init[0][i]);
        settle();
        outb(i == 0 ? slave_command : slave_data, init[1][i]);
        settle();
    }
    outb(master_data, static_cast<uint8_t>(~(1u << 2)));  // only the cascade
    outb(slave_data, 0xFF);
}

void x86::irq_enable(unsigned line) {
    uint16_t port = line < 8 ? master_data : slave_data;
    outb(port, static_cast<uint8_t>(inb(port) & ~(1u << (line & 7))));
}

void x86::intc_interrupt(unsigned line) {
    // Lines 7 and 15 also carry the controllers' spurious interrupts (a request that went away before
    // the CPU took it): one the controller has no line in service for is not a device's.
    if (line == 7 && !(in_service(master_command) & 0x80)) return;
    if (line == 15 && !(in_service(slave_command) & 0x80)) {
        outb(master_command, eoi);  // the master did take the cascade's request
        return;
    }
    weft_irq::dispatch(line);
    if (line >= 8) outb(slave_command, eoi);
    outb(master_command, eoi);
}
