# Nordic nRF52840 DK: nRF52840, Cortex-M4F at 64 MHz, 1 MiB flash, 256 KiB RAM, UARTE0 to the
# J-Link OB's virtual COM port, LED1. Flashed with openocd through the on-board J-Link.
ARCH       := cortex-m
CPU_FLAGS  := -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard -DBOARD_CPU_HZ=64000000 -DBOARD_IRQ_COUNT=48
SWITCH     := arch/cortex-m/switch_arm_v7em_fpu_aapcs.S
SWITCH_MPU := arch/cortex-m/switch_arm_v7em_fpu_mpu_aapcs.S
# TIMER0 keeps time and takes the deadlines (the nRF51's TIMER block): SysTick stops in WFI here.
TIME       := nrf51_timer
TIME_FLAGS := -DNRF51_TIMER_BASE=0x40008000 -DNRF51_TIMER_IRQ=8
MEMORY     := board/nrf52840-dk/memory.ld
BOARD_SRCS := board/nrf52840-dk/board.cpp board/halt.cpp drivers/nrf52_uarte.cpp
OPENOCD    := -f interface/jlink.cfg -c "transport select swd" -f target/nrf52.cfg
