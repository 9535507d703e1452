# Sipeed Longan Nano: GigaDevice GD32VF103CBT6, a Nuclei Bumblebee core (rv32imac, integer ABI
# ilp32) on the 8 MHz internal oscillator it resets to (IRC8M; no PLL, so nothing to wait for and
# no flash latency to set), 128 KiB flash, 32 KiB SRAM, the ECLIC, USART0 on PA9 (TX) and PA10 (RX),
# an RGB LED. Flashed through the ROM's USB DFU bootloader with dfu-util.
ARCH        := riscv
CORE        := rv32imac
# The core timer: mtime at 0xD1000000, mtimecmp at 0xD1000008, counting the AHB clock / 4 (2 MHz).
# The ECLIC at 0xD2000000, sources 0 to 86. No PORT_IDLE_WAKE_TICKS: a real board stays tickless.
# No PMP := yes: STACK_GUARD=pmp is not offered here (docs/boards.md, longan-nano).
INTC        := eclic
BOARD_FLAGS := -DBOARD_CPU_HZ=8000000 -DBOARD_TIMER_HZ=2000000 -DMTIME_ADDR=0xD1000000 -DMTIMECMP_ADDR=0xD1000008 \
               -DECLIC_BASE=0xD2000000 -DBOARD_IRQ_COUNT=87
MEMORY      := board/longan-nano/memory.ld
BOARD_SRCS  := board/longan-nano/board.cpp board/halt.cpp drivers/stm32_usart.cpp
# dfu-util's arguments before the image (Makefile, flash): the ROM bootloader's USB ID, its internal
# flash (alt 0), written from the flash origin, then started.
DFU_UTIL    := -d 28e9:0189 -a 0 -s 0x08000000:leave
