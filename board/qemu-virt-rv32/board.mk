# QEMU's RISC-V virt machine, RV32: rv32imac, integer ABI ilp32, an NS16550A console and the test
# device as exit (board/chip/qemu-virt/).
include board/chip/qemu-virt/virt.mk
CORE        := rv32imac
QEMU        := qemu-system-riscv32 -M virt -bios none -rtc clock=vm
# The virtio devices (board/chip/qemu-virt/virtio.cpp, docs/drivers.md): in the virtio test image.
VIRTIO_SRCS := board/chip/qemu-virt/virtio.cpp drivers/virtio_mmio.cpp drivers/virtio_blk.cpp \
               drivers/virtio_rng.cpp drivers/block_device.cpp drivers/entropy_source.cpp
