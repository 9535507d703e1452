# QEMU's RISC-V virt machine running an RV32E build: rv32emac, ABI ilp32e (x0-x15 only). QEMU 7.2
# has no RV32E CPU, but RV32E code is RV32I code that leaves x16-x31 alone, so virt's rv32 core
# runs it unchanged; the board is qemu-virt-rv32 otherwise.
ARCH        := riscv
CORE        := rv32emac
PMP         := yes
BOARD_FLAGS := -DBOARD_TIMER_HZ=10000000 -DMTIME_ADDR=0x200BFF8 -DMTIMECMP_ADDR=0x2004000 -DPORT_IDLE_WAKE_TICKS=0x100000000 \
               -DPLIC_BASE=0xC000000 -DBOARD_IRQ_COUNT=96
MEMORY      := board/chip/qemu-virt/memory.ld
BOARD_SRCS  := board/chip/qemu-virt/board.cpp
QEMU        := qemu-system-riscv32 -M virt -bios none
