# QEMU's PC (i440FX) with a 64-bit CPU, entered in 32 bits and taken to long mode by the entry
# stub; otherwise as qemu-pc-i386 (board/chip/pc/).
ARCH        := x86
CORE        := x86_64
MEMORY      := board/chip/pc/memory.ld
BOARD_SRCS  := board/chip/pc/board.cpp board/chip/pc/qemu_exit.cpp
BOARD_FLAGS := -DBOARD_IRQ_COUNT=16
QEMU        := qemu-system-x86_64 -M pc
