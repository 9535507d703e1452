# TI Stellaris LM3S6965 evaluation board under QEMU: Cortex-M3 at 12.5 MHz (QEMU's reset clock),
# 256 KiB flash, 64 KiB RAM, UART0.
ARCH        := cortex-m
CORE        := cortex-m3
BOARD_FLAGS := -DBOARD_CPU_HZ=12500000 -DBOARD_IRQ_COUNT=44
# An AT24C32 (4 KiB) at 0x50 on I2C0: QEMU attaches one, backed by a file, for tools/eeprom-check.
EEPROM      := 4096
MEMORY      := board/chip/lm3s6965/memory.ld
# SysTick alone keeps time. TIME=systick_tickless also turns it off while nothing waits on time,
# and time then stands still (docs/boards.md); make check runs both.
TIME_CHECKS := systick_tickless
BOARD_SRCS  := board/qemu-lm3s6965evb/board.cpp board/emulator.cpp drivers/pl011_uart.cpp drivers/stellaris_i2c.cpp drivers/i2c_bus.cpp
QEMU        := qemu-system-arm -M lm3s6965evb
# Block storage: the microSD slot on SSI0 (board/chip/lm3s6965/sd_card.cpp, docs/drivers.md).
STORAGE_SRCS := board/chip/lm3s6965/sd_card.cpp drivers/pl022_spi.cpp drivers/sd_spi.cpp drivers/block_device.cpp
# The phase sweep's spare interrupt (target-tests/phase_irq.h): Timer1, whose clock gate is RCGC1's
# bit 17, unused by the port.
PHASE_IRQ_FLAGS := -DPHASE_GPTM_BASE=0x40031000 -DPHASE_GPTM_IRQ=21 -DPHASE_GPTM_GATE=0x400FE104 -DPHASE_GPTM_GATE_BIT=17
