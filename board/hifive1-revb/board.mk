# SiFive HiFive1 Rev B: FE310-G002, rv32imac with PMP at 16 MHz from the crystal (PLL bypassed),
# 4 MiB flash (the first 64 KiB the bootloader's), 16 KiB RAM, the machine timer at 32768 Hz (the
# real-time clock's), the PLIC (52 sources), UART0 on the J-Link OB's USB serial, an RGB LED.
# Strictly tickless: no idle wake-up, which only QEMU needs. Flashed through the J-Link OB.
ARCH        := riscv
CORE        := rv32imac
PMP         := yes
BOARD_FLAGS := -DBOARD_CPU_HZ=16000000 -DBOARD_TIMER_HZ=32768 -DMTIME_ADDR=0x200BFF8 -DMTIMECMP_ADDR=0x2004000 \
               -DPLIC_BASE=0xC000000 -DBOARD_IRQ_COUNT=53
MEMORY      := board/hifive1-revb/memory.ld
BOARD_SRCS  := board/hifive1-revb/board.cpp board/halt.cpp drivers/sifive_uart.cpp
OPENOCD     := -f board/sifive-hifive1-revb.cfg
# 16 KiB of RAM: 1792 bytes per test coroutine, as on qemu-sifive-e.
TEST_STACK  := 1792
