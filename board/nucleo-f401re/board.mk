# ST NUCLEO-F401RE: STM32F401RE, Cortex-M4F on the 16 MHz internal oscillator it resets to (HSI; no
# PLL, so no flash wait states to set), 512 KiB flash, 96 KiB RAM, USART2 on the ST-LINK's virtual
# COM port, LED LD2. Flashed through the on-board ST-LINK.
ARCH        := cortex-m
CORE        := cortex-m4f
BOARD_FLAGS := -DBOARD_CPU_HZ=16000000 -DBOARD_IRQ_COUNT=85
# Time from TIM5 at the core clock; SysTick only takes the deadlines. APB1 is not divided, so the
# timer's clock is the core's 16 MHz.
TIME        := stm32_tim
TIME_FLAGS  := -DSTM32_TIM_BASE=0x40000C00 -DSTM32_TIM_IRQ=50 -DSTM32_TIM_RCC_BIT=3 -DSTM32_TIM_CLOCK_HZ=16000000
MEMORY      := board/nucleo-f401re/memory.ld
BOARD_SRCS  := board/nucleo-f401re/board.cpp board/halt.cpp drivers/stm32_usart.cpp
OPENOCD     := -f board/st_nucleo_f4.cfg
