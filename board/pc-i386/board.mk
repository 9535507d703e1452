# A PC with a 32-bit (or any x86) CPU, booted by BIOS from a CD or USB stick through GRUB: `make iso`
# writes the image (board/chip/pc/). COM1 is the console, at 115200 baud; the exit halts.
include board/chip/pc/pc.mk
CORE        := i386
BOARD_SRCS  += board/chip/pc/pc_exit.cpp
# GRUB takes the images from a CD (El Torito) or a USB stick (hybrid MBR) alike; make check boots the
# on-target suite's the same way under QEMU: firmware, GRUB, Multiboot.
ISO         := yes
QEMU_BOOT   := qemu-system-i386 -M pc
