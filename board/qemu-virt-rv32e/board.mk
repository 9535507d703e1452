# QEMU's RISC-V virt machine running an RV32E build: rv32emac, ABI ilp32e (x0-x15 only). QEMU 7.2
# has no RV32E core, but RV32E code is RV32I code that leaves x16-x31 alone, so virt's rv32 core
# runs it unchanged; otherwise as qemu-virt-rv32 (board/chip/qemu-virt/).
include board/chip/qemu-virt/virt.mk
CORE        := rv32emac
QEMU        := qemu-system-riscv32 -M virt -bios none -rtc clock=vm
