# QEMU's RISC-V virt machine, RV64: rv64imafdc, hardware-float ABI lp64d, so floating-point state is
# switched (lazily, through mstatus.FS); otherwise as qemu-virt-rv32 (board/chip/qemu-virt/).
include board/chip/qemu-virt/virt.mk
CORE        := rv64imafdc
QEMU        := qemu-system-riscv64 -M virt -bios none -rtc clock=vm
# The virtio devices (board/chip/qemu-virt/virtio.cpp, docs/drivers.md): in the virtio test image.
VIRTIO_SRCS := board/chip/qemu-virt/virtio.cpp drivers/virtio_mmio.cpp drivers/virtio_blk.cpp \
               drivers/virtio_rng.cpp drivers/block_device.cpp drivers/entropy_source.cpp
