# QEMU's RISC-V virt machine, RV32: rv32imac, integer ABI ilp32, an NS16550A console and the test
# device as exit (board/chip/qemu-virt/).
include board/chip/qemu-virt/virt.mk
CORE        := rv32imac
QEMU        := qemu-system-riscv32 -M virt -bios none
