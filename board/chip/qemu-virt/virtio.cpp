// QEMU's virt machine has eight virtio-mmio slots, 0x1000 apart from 0x10001000, on PLIC sources
// 1 to 8 (hw/riscv/virt.h). QEMU fills them from the last down, so the slot a device lands in
// depends on the command line: the drivers find theirs by device ID, and each slot's handler asks
// both drivers, each of which acts only on its own slot's interrupt.
#include "virtio.h"

#include "riscv.h"

namespace {
constexpr virtio::Slots slots{0x10001000, 0x1000, 8, 1};
constinit VirtioBlk disk{slots};
constinit VirtioRng rng{slots};

void slot_interrupt(unsigned irq) {
    if (disk.irq() == irq) disk.interrupt();
    if (rng.irq() == irq) rng.interrupt();
}

// A slot's line is enabled here for all eight: a device raises it only once a driver has set it
// up, and a driver that has not found its slot leaves irq() at 0.
[[gnu::constructor]] void enable_slots() {
    for (unsigned n = 0; n < slots.count; ++n) riscv::irq_enable(slots.first_irq + n);
}
}  // namespace

VirtioBlk& board_virtio_disk() { return disk; }
VirtioRng& board_virtio_rng() { return rng; }

extern "C" void irq1_handler() { slot_interrupt(1); }
extern "C" void irq2_handler() { slot_interrupt(2); }
extern "C" void irq3_handler() { slot_interrupt(3); }
extern "C" void irq4_handler() { slot_interrupt(4); }
extern "C" void irq5_handler() { slot_interrupt(5); }
extern "C" void irq6_handler() { slot_interrupt(6); }
extern "C" void irq7_handler() { slot_interrupt(7); }
extern "C" void irq8_handler() { slot_interrupt(8); }
