# Netduino Plus 2 under QEMU: STM32F405, Cortex-M4F at 168 MHz, 1 MiB flash, 128 KiB SRAM, USART1.
ARCH       := cortex-m
CPU_FLAGS  := -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard -DBOARD_CPU_HZ=168000000 -DBOARD_IRQ_COUNT=82
SWITCH     := arch/cortex-m/switch_arm_v7em_fpu_aapcs.S
SWITCH_MPU := arch/cortex-m/switch_arm_v7em_fpu_mpu_aapcs.S
MEMORY     := board/qemu-netduinoplus2/memory.ld
BOARD_SRCS := board/qemu-netduinoplus2/board.cpp drivers/stm32_usart.cpp drivers/arm_semihosting.cpp
QEMU       := qemu-system-arm -M netduinoplus2
