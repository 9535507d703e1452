# QEMU's PC (i440FX) with a 32-bit CPU: COM1 as console, isa-debug-exit and ACPI power-off as exit
# (board/chip/pc/).
include board/chip/pc/pc.mk
CORE        := i386
BOARD_SRCS  += board/chip/pc/qemu_exit.cpp
# The phase sweep's spare interrupt (target-tests/phase_irq.h): the HPET's timer 0, on line 0.
PHASE_IRQ_FLAGS := -DPHASE_HPET_BASE=0xFED00000
QEMU        := qemu-system-i386 -M pc
