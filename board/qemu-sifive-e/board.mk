# QEMU's SiFive E machine: the HiFive1's FE310-G000, rv32imac with PMP, 16 KiB RAM, the machine
# timer at 10 MHz (QEMU 7.2's CLINT; the chip's runs at 32768 Hz), the PLIC (126 sources), the
# SiFive UART0 console and semihosting as exit.
ARCH        := riscv
CORE        := rv32imac
PMP         := yes
BOARD_FLAGS := -DBOARD_TIMER_HZ=10000000 -DMTIME_ADDR=0x200BFF8 -DMTIMECMP_ADDR=0x2004000 -DPORT_IDLE_WAKE_TICKS=0x100000000 \
               -DPLIC_BASE=0xC000000 -DBOARD_IRQ_COUNT=127
MEMORY      := board/qemu-sifive-e/memory.ld
BOARD_SRCS  := board/qemu-sifive-e/board.cpp board/semihosting_riscv.cpp drivers/sifive_uart.cpp
# The phase sweep skips here (target-tests/phase_irq.h): QEMU 7.2's sifive_e models no timer
# beside the CLINT, whose one comparator is the kernel's.
QEMU        := qemu-system-riscv32 -M sifive_e -semihosting-config enable=on,target=native
# 16 KiB of RAM: the on-target suite's six test coroutines get 1792 bytes each (the suite prints the
# deepest it saw: 800 bytes).
TEST_STACK  := 1792
