# ARM MPS2 FPGA image AN505 (IoT Kit) under QEMU: Cortex-M33 at 20 MHz, run Secure and soft-float.
ARCH        := cortex-m
CORE        := cortex-m33
BOARD_FLAGS := -DBOARD_CPU_HZ=20000000 -DBOARD_IRQ_COUNT=124
# Time from the SSE-200's timer 0, by its Secure alias at the core clock; SysTick only takes the deadlines.
TIME        := cmsdk_timer
TIME_FLAGS  := -DCMSDK_TIMER_BASE=0x50000000 -DCMSDK_TIMER_IRQ=3
MEMORY      := board/qemu-mps2-an505/memory.ld
BOARD_SRCS  := board/qemu-mps2-an505/board.cpp board/emulator.cpp drivers/cmsdk_uart.cpp
QEMU        := qemu-system-arm -M mps2-an505
# The phase sweep's spare interrupt (target-tests/phase_irq.h): the SSE-200's timer 1 by its Secure
# alias, unused by the port.
PHASE_IRQ_FLAGS := -DPHASE_CMSDK_TIMER_BASE=0x50001000 -DPHASE_CMSDK_TIMER_IRQ=4
