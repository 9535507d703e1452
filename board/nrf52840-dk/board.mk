# Nordic nRF52840 DK: nRF52840, Cortex-M4F at 64 MHz, 1 MiB flash, 256 KiB RAM, UARTE0 to the
# J-Link OB's virtual COM port, LED1. Flashed with openocd through the on-board J-Link.
ARCH        := cortex-m
CORE        := cortex-m4f
BOARD_FLAGS := -DBOARD_CPU_HZ=64000000 -DBOARD_IRQ_COUNT=48
# TIMER0 keeps time and takes the deadlines (the nRF51's TIMER block): SysTick stops in WFI here.
TIME        := nrf51_timer
TIME_FLAGS  := -DNRF51_TIMER_BASE=0x40008000 -DNRF51_TIMER_IRQ=8
MEMORY      := board/nrf52840-dk/memory.ld
BOARD_SRCS  := board/nrf52840-dk/board.cpp board/halt.cpp drivers/nrf52_uarte.cpp
OPENOCD     := -f interface/jlink.cfg -c "transport select swd" -f target/nrf52.cfg
