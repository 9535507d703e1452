# QEMU's PC (i440FX) with a 32-bit CPU: COM1 as console, isa-debug-exit and ACPI power-off as exit
# (board/chip/pc/).
ARCH        := x86
CORE        := i386
MEMORY      := board/chip/pc/memory.ld
BOARD_SRCS  := board/chip/pc/board.cpp board/chip/pc/qemu_exit.cpp
BOARD_FLAGS := -DBOARD_IRQ_COUNT=16
QEMU        := qemu-system-i386 -M pc
