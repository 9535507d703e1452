# TI EK-LM3S6965: the LM3S6965 of qemu-lm3s6965evb (its memory map is reused), a Cortex-M3 run from
# the board's 8 MHz crystal with the PLL bypassed, 256 KiB flash, 64 KiB RAM, UART0 on the FT2232's
# second port, the STATUS LED on PF0. Flashed through the on-board FT2232 debugger (JTAG).
ARCH       := cortex-m
CPU_FLAGS  := -mcpu=cortex-m3 -mfloat-abi=soft -DBOARD_CPU_HZ=8000000 -DBOARD_IRQ_COUNT=44
SWITCH     := arch/cortex-m/switch_arm_v7m_aapcs.S
SWITCH_MPU := arch/cortex-m/switch_arm_v7m_mpu_aapcs.S
MEMORY     := board/qemu-lm3s6965evb/memory.ld
BOARD_SRCS := board/ek-lm3s6965/board.cpp board/halt.cpp drivers/pl011_uart.cpp
OPENOCD    := -f board/ek-lm3s6965.cfg
