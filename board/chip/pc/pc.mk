# What every PC board shares: the x86 port, RAM from 1 MiB, COM1 as console (board.cpp) and the
# PICs' 16 lines. A board adds its CORE, its exit (qemu_exit.cpp or pc_exit.cpp) to BOARD_SRCS, and
# its QEMU command or how it boots.
ARCH        := x86
MEMORY      := board/chip/pc/memory.ld
BOARD_SRCS  := board/chip/pc/board.cpp
BOARD_FLAGS := -DBOARD_IRQ_COUNT=16
