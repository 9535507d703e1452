# ARM MPS2 FPGA image AN386 under QEMU: Cortex-M4F at 25 MHz, otherwise as AN385 (hard-float ABI).
ARCH       := cortex-m
CPU_FLAGS  := -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard -DBOARD_CPU_HZ=25000000 -DBOARD_IRQ_COUNT=32
SWITCH     := arch/cortex-m/switch_arm_v7em_fpu_aapcs.S
SWITCH_MPU := arch/cortex-m/switch_arm_v7em_fpu_mpu_aapcs.S
# Time from CMSDK timer 0 at the core clock; SysTick only takes the deadlines.
TIME       := cmsdk_timer
TIME_FLAGS := -DCMSDK_TIMER_BASE=0x40000000 -DCMSDK_TIMER_IRQ=8
MEMORY     := board/qemu-mps2-an385/memory.ld
BOARD_SRCS := board/qemu-mps2-an385/board.cpp drivers/cmsdk_uart.cpp drivers/arm_semihosting.cpp
QEMU       := qemu-system-arm -M mps2-an386
