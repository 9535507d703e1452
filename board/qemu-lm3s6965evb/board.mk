# TI Stellaris LM3S6965 evaluation board under QEMU: Cortex-M3 at 12.5 MHz (QEMU's reset clock),
# 256 KiB flash, 64 KiB RAM, UART0.
ARCH       := cortex-m
CPU_FLAGS  := -mcpu=cortex-m3 -mfloat-abi=soft -DBOARD_CPU_HZ=12500000 -DBOARD_IRQ_COUNT=44
SWITCH     := arch/cortex-m/switch_arm_v7m_aapcs.S
SWITCH_MPU := arch/cortex-m/switch_arm_v7m_mpu_aapcs.S
MEMORY     := board/qemu-lm3s6965evb/memory.ld
BOARD_SRCS := board/qemu-lm3s6965evb/board.cpp drivers/pl011_uart.cpp drivers/arm_semihosting.cpp
QEMU       := qemu-system-arm -M lm3s6965evb
