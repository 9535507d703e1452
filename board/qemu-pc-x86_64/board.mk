# QEMU's PC (i440FX) with a 64-bit CPU, entered in 32 bits and taken to long mode by the entry
# stub; otherwise as qemu-pc-i386 (board/chip/pc/).
include board/chip/pc/pc.mk
CORE        := x86_64
BOARD_SRCS  += board/chip/pc/qemu_exit.cpp
QEMU        := qemu-system-x86_64 -M pc
