# RISC-V port: GCC for riscv64-unknown-elf (RV32 and RV64) with picolibc, machine mode only. The
# board's board.mk has set CORE, BOARD_FLAGS (BOARD_CPU_HZ, BOARD_TIMER_HZ, MTIME_ADDR,
# MTIMECMP_ADDR, BOARD_IRQ_COUNT, and PLIC_BASE or ECLIC_BASE), INTC, MEMORY, BOARD_SRCS and QEMU
# (or OPENOCD or DFU_UTIL, how `make flash` loads it), and may set TEST_STACK.

# The core a board names: its compiler flags and its switch (one per ABI family, asm.h gives the
# register widths), and the switch STACK_GUARD=pmp builds.
#   rv32emac    RV32E (16 integer registers), ABI ilp32e
#   rv32imac    RV32, integer ABI ilp32
#   rv32imafc   RV32 with single-precision floating point, ilp32f
#   rv64imac    RV64, integer ABI lp64
#   rv64imafdc  RV64 with double-precision floating point, lp64d
# -misa-spec=2.2 keeps the CSR instructions in the base ISA, so -march needs no _zicsr, which would
# make GCC pick the wrong multilib (and picolibc) without a word.
CORES := rv32emac rv32imac rv32imafc rv64imac rv64imafdc
CORE_FLAGS_rv32emac   := -march=rv32emac -mabi=ilp32e
SWITCH_rv32emac       := arch/riscv/switch_riscv_ilp32e.S
CORE_FLAGS_rv32imac   := -march=rv32imac -mabi=ilp32
SWITCH_rv32imac       := arch/riscv/switch_riscv_ilp32_lp64.S
CORE_FLAGS_rv32imafc  := -march=rv32imafc -mabi=ilp32f
SWITCH_rv32imafc      := arch/riscv/switch_riscv_ilp32f_lp64d.S
CORE_FLAGS_rv64imac   := -march=rv64imac -mabi=lp64 -mcmodel=medany
SWITCH_rv64imac       := arch/riscv/switch_riscv_ilp32_lp64.S
CORE_FLAGS_rv64imafdc := -march=rv64imafdc -mabi=lp64d -mcmodel=medany
SWITCH_rv64imafdc     := arch/riscv/switch_riscv_ilp32f_lp64d.S
ifneq ($(words $(CORE)) $(filter $(CORE),$(CORES)),1 $(CORE))
$(error $(BOARD): unknown CORE '$(CORE)'. Known cores: $(CORES))
endif
CORE_FLAGS := $(CORE_FLAGS_$(CORE)) -misa-spec=2.2
SWITCH := $(SWITCH_$(CORE))

# STACK_GUARD=pmp: PMP entries 0 and 1 deny all access to the PORT_PMP_GUARD_BYTES below the
# running context's stack (guard_pmp.cpp), on cores with PMP (PMP := yes in board.mk); the default
# relies on the kernel's canary. STACK_GUARDS, at the end, lists what this board may build.
ifeq ($(STACK_GUARD),pmp)
ifneq ($(PMP),yes)
$(error STACK_GUARD=pmp: $(BOARD)'s core has no PMP)
endif
SWITCH := $(SWITCH:.S=_pmp.S)
GUARD_FLAGS := -DPORT_PMP_GUARD=1 -DPORT_PMP_GUARD_BYTES=480
GUARD_SRCS := arch/riscv/guard_pmp.cpp
BUILD_SUFFIX := -pmp
# How far below the lowest byte its code has stored to sp may go with the guard still catching the
# next access (tools/frame-check, run on the images of this build but the on-target suite's, whose
# cases keep frames of up to a KiB): the guard's 480 bytes less the 8 of the widest store. Traps
# take nothing from the interrupted stack; port_trap_entry and port_trap run on the trap stack.
FRAME_CHECK = env OBJDUMP=$(CROSS)objdump HANDLER_ONLY="port_trap_entry port_trap" tools/frame-check 472
# A frame larger than the old 32-byte guard, written only at its bottom (target-tests/large_frame/).
LARGE_FRAME_CHECK := yes
endif

# What a deliberate overflow must end in, per guard: exit status and a line of the report, which
# names the coroutine, its pool and its stack use.
ifeq ($(STACK_GUARD),pmp)
GUARD_STATUS := 102
GUARD_REPORT := fault: store access fault stack overflow.* in coroutine 'deep' in pool 'overflow_[ab]', stack [0-9][0-9]* of 1024 bytes used
else
GUARD_STATUS := 101
GUARD_REPORT := stack overflow: the canary .*coroutine 'deep' in pool 'overflow_[ab]', stack [0-9][0-9]* of 1024 bytes used
endif

# The interrupt controller: the PLIC (virt, FE310) or the ECLIC (GD32VF103).
INTC ?= plic
ifeq ($(filter $(INTC),plic eclic),)
$(error $(BOARD): INTC must be plic or eclic, not '$(INTC)')
endif

CROSS := riscv64-unknown-elf-
CC  := $(CROSS)gcc
CXX := $(CROSS)g++
# Debian ships no libstdc++ for riscv64-unknown-elf: link with gcc, and provide the few C++ runtime
# symbols the code needs (cxx_runtime.cpp).
LINK := $(CROSS)gcc
NM  := $(CROSS)nm
SIZE := $(CROSS)size
OBJCOPY := $(CROSS)objcopy
OPT ?= -Os
# Nor its headers: the templates the kernel uses (<chrono>, <type_traits>, <utility>) come from
# the Arm toolchain's libstdc++ headers, configured for newlib and picolibc, which is all header-
# only code needs (tools/setup installs them). Nothing of that library is linked.
CXX_HEADERS := /usr/include/newlib/c++/12.2.1
GUARD_SRCS ?= arch/riscv/guard_none.cpp
ARCH_SRCS := arch/riscv/port.cpp arch/riscv/startup.cpp arch/riscv/trap.cpp arch/riscv/trap_entry.S \
             arch/riscv/time_mtimer.cpp arch/riscv/intc_$(INTC).cpp arch/irq_dispatch.cpp arch/cxx_runtime.cpp $(SWITCH) \
             $(GUARD_SRCS) board/console_stdio.cpp drivers/uart.cpp
ARCH_FLAGS := $(CORE_FLAGS) $(BOARD_FLAGS) $(GUARD_FLAGS) --specs=picolibc.specs \
              -ffunction-sections -fdata-sections -Iboard -Idrivers
ARCH_CXXFLAGS := -fno-threadsafe-statics -isystem $(CXX_HEADERS) -isystem $(CXX_HEADERS)/arm-none-eabi
LDSCRIPT := linker/riscv.ld
ARCH_LDFLAGS := -nostartfiles -T$(LDSCRIPT) -L$(dir $(MEMORY)) -Wl,--gc-sections -Wl,-z,noexecstack
QEMU_FLAGS := -nographic -monitor none
# What a core needs to boot each image, against the board's memory map (tools/image-check, BOOT=entry).
IMAGE_CHECK := env CROSS=$(CROSS) BOOT=entry tools/image-check $(MEMORY)
STACK_GUARDS := canary $(if $(filter yes,$(PMP)),pmp)
VARIANTS := plain
FP_CONTROLS := save
# What the trap instruction (target-tests/fault/; GCC's is ebreak) must end in, with the coroutine,
# its pool and its stack use.
FAULT_REPORT := fault: breakpoint mcause=0x3 .* in coroutine 'bad' in pool 'faulting', stack [0-9][0-9]* of 1024 bytes used
