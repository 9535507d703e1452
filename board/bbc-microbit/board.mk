# BBC micro:bit v1: the nRF51822 of qemu-microbit (its memory map is reused), Cortex-M0 at 16 MHz,
# 256 KiB flash, 16 KiB RAM, the UART on the interface chip's USB serial, a 5x5 LED matrix.
ARCH        := cortex-m
CORE        := cortex-m0
BOARD_FLAGS := -DBOARD_CPU_HZ=16000000 -DBOARD_IRQ_COUNT=32
# TIMER0, the only 32-bit TIMER, keeps time and takes the deadlines: the chip has no SysTick.
TIME        := nrf51_timer
TIME_FLAGS  := -DNRF51_TIMER_BASE=0x40008000 -DNRF51_TIMER_IRQ=8
MEMORY      := board/chip/nrf51822/memory.ld
BOARD_SRCS  := board/bbc-microbit/board.cpp board/halt.cpp drivers/nrf51_uart.cpp
OPENOCD     := -f interface/cmsis-dap.cfg -c "transport select swd" -f target/nrf51.cfg
# 16 KiB of RAM: the on-target suite's test coroutines get 1792 bytes each, as on qemu-microbit.
TEST_STACK  := 1792
# QEMU's microbit machine models this chip: make check boots the images make flash loads under it.
QEMU_BOOT   := qemu-system-arm -M microbit
