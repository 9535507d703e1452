# QEMU's PC (i440FX) with a 64-bit CPU, entered in 32 bits and taken to long mode by the entry
# stub; otherwise as qemu-pc-i386 (board/chip/pc/).
include board/chip/pc/pc.mk
CORE        := x86_64
BOARD_SRCS  += board/chip/pc/qemu_exit.cpp
# The phase sweep's spare interrupt (target-tests/phase_irq.h): the HPET's timer 0, on line 0.
PHASE_IRQ_FLAGS := -DPHASE_HPET_BASE=0xFED00000
QEMU        := qemu-system-x86_64 -M pc
