# TI EK-LM3S6965: the LM3S6965 of qemu-lm3s6965evb (its memory map is reused), a Cortex-M3 run from
# the board's 8 MHz crystal with the PLL bypassed, 256 KiB flash, 64 KiB RAM, UART0 on the FT2232's
# second port, the STATUS LED on PF0. Flashed through the on-board FT2232 debugger (JTAG).
ARCH        := cortex-m
CORE        := cortex-m3
BOARD_FLAGS := -DBOARD_CPU_HZ=8000000 -DBOARD_IRQ_COUNT=44
# The EEPROM images are built for an AT24C32 (4 KiB) at 0x50 wired to I2C0 (the board has none).
EEPROM      := 4096
MEMORY      := board/chip/lm3s6965/memory.ld
# SysTick alone keeps time. TIME=systick_tickless also turns it off while nothing waits on time,
# and time then stands still (docs/boards.md); make check runs both.
TIME_CHECKS := systick_tickless
BOARD_SRCS  := board/ek-lm3s6965/board.cpp board/halt.cpp drivers/pl011_uart.cpp drivers/stellaris_i2c.cpp drivers/i2c_bus.cpp
OPENOCD     := -f board/ek-lm3s6965.cfg
# QEMU's lm3s6965evb machine models this chip: make check boots the images make flash loads under it.
QEMU_BOOT   := qemu-system-arm -M lm3s6965evb
# Block storage: the microSD slot on SSI0 (board/chip/lm3s6965/sd_card.cpp, docs/drivers.md).
STORAGE_SRCS := board/chip/lm3s6965/sd_card.cpp drivers/pl022_spi.cpp drivers/sd_spi.cpp drivers/block_device.cpp
