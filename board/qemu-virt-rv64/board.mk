# QEMU's RISC-V virt machine, RV64: rv64imafdc, hardware-float ABI lp64d (floating-point state switched), the machine timer at 10 MHz
# (the CLINT), the PLIC, an NS16550A console and the test device as exit.
ARCH        := riscv
CORE        := rv64imafdc
PMP         := yes
BOARD_FLAGS := -DBOARD_TIMER_HZ=10000000 -DMTIME_ADDR=0x200BFF8 -DMTIMECMP_ADDR=0x2004000 -DPORT_IDLE_WAKE_TICKS=0x100000000 \
               -DPLIC_BASE=0xC000000 -DBOARD_IRQ_COUNT=96
MEMORY      := board/chip/qemu-virt/memory.ld
BOARD_SRCS  := board/chip/qemu-virt/board.cpp
QEMU        := qemu-system-riscv64 -M virt -bios none
