# QEMU's RISC-V virt machine (hw/riscv/virt.c), what every board on it shares: the machine timer at
# 10 MHz (the CLINT; hart 0's mtimecmp), the PLIC (95 sources), PMP, the memory map and the board
# code. PORT_IDLE_WAKE_TICKS keeps QEMU 7.2's -icount sleep=off from stalling (time_mtimer.cpp).
# A board adds its CORE and its QEMU command.
ARCH        := riscv
PMP         := yes
BOARD_FLAGS := -DBOARD_TIMER_HZ=10000000 -DMTIME_ADDR=0x200BFF8 -DMTIMECMP_ADDR=0x2004000 \
               -DPORT_IDLE_WAKE_TICKS=0x100000000 -DPLIC_BASE=0xC000000 -DBOARD_IRQ_COUNT=96
MEMORY      := board/chip/qemu-virt/memory.ld
BOARD_SRCS  := board/chip/qemu-virt/board.cpp
# The phase sweep's spare interrupt (target-tests/phase_irq.h): the Goldfish RTC's alarm, on the
# virtual clock as mtime is only under QEMU's `-rtc clock=vm`, which each board's QEMU command gives.
PHASE_IRQ_FLAGS := -DPHASE_GOLDFISH_RTC_BASE=0x101000 -DPHASE_GOLDFISH_RTC_IRQ=11
