# ARM MPS2 FPGA image AN386 under QEMU: Cortex-M4F at 25 MHz, otherwise as AN385 (hard-float ABI).
ARCH        := cortex-m
CORE        := cortex-m4f
BOARD_FLAGS := -DBOARD_CPU_HZ=25000000 -DBOARD_IRQ_COUNT=32
# Time from CMSDK timer 0 at the core clock; SysTick only takes the deadlines.
TIME        := cmsdk_timer
TIME_FLAGS  := -DCMSDK_TIMER_BASE=0x40000000 -DCMSDK_TIMER_IRQ=8
MEMORY      := board/chip/mps2/memory.ld
BOARD_SRCS  := board/chip/mps2/board.cpp board/emulator.cpp drivers/cmsdk_uart.cpp
QEMU        := qemu-system-arm -M mps2-an386
# The phase sweep's spare interrupt (target-tests/phase_irq.h): CMSDK timer 1, unused by the port.
PHASE_IRQ_FLAGS := -DPHASE_CMSDK_TIMER_BASE=0x40001000 -DPHASE_CMSDK_TIMER_IRQ=9
