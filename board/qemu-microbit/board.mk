# BBC micro:bit v1 under QEMU: nRF51822, Cortex-M0 at 16 MHz, 256 KiB flash, 16 KiB RAM, UART.
# QEMU gives it a SysTick; the real nRF51 has none and would need its RTC as the time base.
ARCH       := cortex-m
CPU_FLAGS  := -mcpu=cortex-m0 -mfloat-abi=soft -DBOARD_CPU_HZ=16000000 -DBOARD_IRQ_COUNT=32
SWITCH     := arch/cortex-m/switch_arm_v6m_aapcs.S
MEMORY     := board/qemu-microbit/memory.ld
BOARD_SRCS := board/qemu-microbit/board.cpp drivers/nrf51_uart.cpp drivers/arm_semihosting.cpp
QEMU       := qemu-system-arm -M microbit
