# BBC micro:bit v1 under QEMU: nRF51822, Cortex-M0 at 16 MHz, 256 KiB flash, 16 KiB RAM, UART.
# QEMU gives it a SysTick, the real nRF51 none: time comes from TIMER0, as on the real board.
ARCH        := cortex-m
CORE        := cortex-m0
BOARD_FLAGS := -DBOARD_CPU_HZ=16000000 -DBOARD_IRQ_COUNT=32
# TIMER0, the only 32-bit TIMER, keeps time and takes the deadlines: the chip has no SysTick.
TIME        := nrf51_timer
TIME_FLAGS  := -DNRF51_TIMER_BASE=0x40008000 -DNRF51_TIMER_IRQ=8
MEMORY      := board/chip/nrf51822/memory.ld
BOARD_SRCS  := board/qemu-microbit/board.cpp board/emulator.cpp drivers/nrf51_uart.cpp
QEMU        := qemu-system-arm -M microbit
# 16 KiB of RAM: the on-target suite's six test coroutines get 1792 bytes each (the suite prints the
# deepest it saw: about 1 KiB).
TEST_STACK  := 1792
# The phase sweep's spare interrupt (target-tests/phase_irq.h): TIMER1 (16 bits), unused by the port.
PHASE_IRQ_FLAGS := -DPHASE_NRF51_TIMER_BASE=0x40009000 -DPHASE_NRF51_TIMER_IRQ=9
