# Netduino Plus 2 under QEMU: STM32F405, Cortex-M4F at 168 MHz, 1 MiB flash, 128 KiB SRAM, USART1.
ARCH        := cortex-m
CORE        := cortex-m4f
BOARD_FLAGS := -DBOARD_CPU_HZ=168000000 -DBOARD_IRQ_COUNT=82
# Time from TIM5 at 8 MHz; SysTick only takes the deadlines. QEMU clocks TIM2-5 at 1 GHz, whatever
# RCC says, and 8 MHz is the fastest rate that both 1 GHz and the 168 MHz core divide into whole
# ticks (the SysTick alarm counts core cycles per tick).
TIME        := stm32_tim
TIME_HZ     := 8000000
TIME_FLAGS  := -DSTM32_TIM_BASE=0x40000C00 -DSTM32_TIM_IRQ=50 -DSTM32_TIM_RCC_BIT=3 -DSTM32_TIM_CLOCK_HZ=1000000000
# The phase sweep's spare interrupt (target-tests/phase_irq.h): TIM2, unused by the port, as QEMU's
# model counts it (target-tests/cortex-m/phase_irq.cpp).
PHASE_IRQ_FLAGS := -DPHASE_STM32_TIM_BASE=0x40000000 -DPHASE_STM32_TIM_IRQ=28 -DPHASE_STM32_TIM_RCC_BIT=0 \
                   -DPHASE_STM32_TIM_CLOCK_HZ=1000000000
MEMORY      := board/qemu-netduinoplus2/memory.ld
BOARD_SRCS  := board/qemu-netduinoplus2/board.cpp board/emulator.cpp drivers/stm32_usart.cpp
QEMU        := qemu-system-arm -M netduinoplus2
