# QEMU's RISC-V virt machine, RV64: rv64imafdc, hardware-float ABI lp64d, so floating-point state is
# switched (lazily, through mstatus.FS); otherwise as qemu-virt-rv32 (board/chip/qemu-virt/).
include board/chip/qemu-virt/virt.mk
CORE        := rv64imafdc
QEMU        := qemu-system-riscv64 -M virt -bios none
