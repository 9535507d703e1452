# x86 bare-metal port: the PC, i386 and x86-64, started by a Multiboot v1 loader (QEMU's -kernel,
# GRUB). Debian has no cross toolchain or C library for bare-metal x86, so the host's gcc builds
# it (-m32 or -m64, gcc-multilib for the 32-bit libgcc) against glibc's headers, for declarations
# only, and links none of glibc: arch/x86/libc/ has the few functions images use. The board's
# board.mk has set CORE, BOARD_SRCS, MEMORY and QEMU (or nothing, for a real PC), and may set
# TEST_STACK.

# The core a board names: its compiler flags, its switch and its entry.
#   i386     32-bit, x87 floating point and no SSE, so it runs on any PC since the Pentium Pro
#   x86_64   64-bit, SSE2 floating point, System V ABI without the red zone; entered in 32 bits
CORES := i386 x86_64
CORE_FLAGS_i386   := -m32 -march=i686 -mno-sse -mno-mmx
SWITCH_i386       := arch/x86/switch_i386_cdecl_nosse.S arch/x86/start_i386_cdecl.S arch/x86/fill_i386_cdecl.S
ENTRY_i386        := arch/x86/boot_i386.S arch/x86/trap_entry_i386.S
LDFLAGS_i386      := -Wl,--defsym=__fault_stack_size=0
CORE_FLAGS_x86_64 := -m64 -mno-red-zone
SWITCH_x86_64     := arch/x86/switch_x86_64_sysv.S arch/x86/start_x86_64_sysv.S arch/x86/fill_x86_64_sysv.S
ENTRY_x86_64      := arch/x86/boot_x86_64.S arch/x86/trap_entry_x86_64.S
ifneq ($(words $(CORE)) $(filter $(CORE),$(CORES)),1 $(CORE))
$(error $(BOARD): unknown CORE '$(CORE)'. Known cores: $(CORES))
endif

CC  := gcc
CXX := g++
LINK := gcc
NM  := nm
SIZE := size
OBJCOPY := objcopy
OPT ?= -Os
# Freestanding code with the host's compiler: no position independence, stack protector or CET
# notes, which Debian's gcc may default to, and nothing of the host's start files or libraries.
ARCH_FLAGS := $(CORE_FLAGS_$(CORE)) $(BOARD_FLAGS) -fno-pie -fno-stack-protector -fcf-protection=none \
              -fno-asynchronous-unwind-tables -ffunction-sections -fdata-sections -Iboard -Idrivers
ARCH_CXXFLAGS := -fno-threadsafe-statics
LIBC_SRCS := $(wildcard arch/x86/libc/*.c)
ARCH_SRCS := $(ENTRY_$(CORE)) $(SWITCH_$(CORE)) arch/x86/port.cpp arch/x86/startup.cpp arch/x86/trap.cpp \
             arch/x86/intc_pic.cpp arch/x86/time_tsc_apic.cpp arch/irq_dispatch.cpp arch/cxx_runtime.cpp \
             board/console_libc.cpp drivers/uart.cpp $(LIBC_SRCS)
LDSCRIPT := linker/x86.ld
ARCH_LDFLAGS := -nostdlib -static -no-pie -T$(LDSCRIPT) -L$(dir $(MEMORY)) -Wl,--gc-sections \
                -Wl,-z,noexecstack -Wl,-z,max-page-size=0x1000 -Wl,--build-id=none -Wl,--no-warn-rwx-segments \
                $(LDFLAGS_$(CORE))
# libgcc: 64-bit division on i386. Nothing else is linked.
ARCH_LIBS := -lgcc
# The PC's serial port on standard input and output, nothing else on it: no display, network or
# monitor, and no reboot, so a triple fault ends the run rather than looping. isa-debug-exit
# gives the run a failing status (QEMU_EXIT, mapped back in the Makefile); a pass powers off.
QEMU_FLAGS := -display none -vga none -nic none -monitor none -serial stdio -no-reboot \
              -device isa-debug-exit,iobase=0xf4,iosize=0x04
QEMU_EXIT := isa-debug-exit
STACK_GUARDS := canary
GUARD_STATUS := 101
GUARD_REPORT := stack overflow: the canary .*coroutine 'deep' in pool 'overflow_[ab]', stack [0-9][0-9]* of 1024 bytes used
# What the trap instruction (target-tests/fault/: ud2) must end in, with the coroutine, its pool and
# its stack use.
FAULT_REPORT := fault: invalid opcode vector=6 .* in coroutine 'bad' in pool 'faulting', stack [0-9][0-9]* of 1024 bytes used
VARIANTS := plain
FP_CONTROLS := save
