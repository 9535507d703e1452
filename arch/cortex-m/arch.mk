# Cortex-M port: GCC for arm-none-eabi with picolibc. The board's board.mk has set CPU_FLAGS, SWITCH,
# MEMORY, BOARD_SRCS and QEMU.
CROSS := arm-none-eabi-
CC  := $(CROSS)gcc
CXX := $(CROSS)g++
NM  := $(CROSS)nm
SIZE := $(CROSS)size
OPT ?= -Os
ARCH_SRCS := arch/cortex-m/port.cpp arch/cortex-m/startup.cpp arch/cortex-m/faults.cpp $(SWITCH) \
             board/console_stdio.cpp
# board/ holds board.h, the hooks every board provides; drivers/ the peripheral drivers they share.
ARCH_FLAGS := $(CPU_FLAGS) -mthumb -masm-syntax-unified --specs=picolibc.specs \
              -ffunction-sections -fdata-sections -Iboard -Idrivers
ARCH_CXXFLAGS := -fno-threadsafe-statics
# The vector table and reset handler are ours, not picolibc's crt0; memory.ld comes from the board.
ARCH_LDFLAGS := -nostartfiles -Tlinker/cortex_m.ld -L$(dir $(MEMORY)) -Wl,--gc-sections -Wl,-z,noexecstack
QEMU_FLAGS := -nographic -monitor none -semihosting-config enable=on,target=native
