# Cortex-M port: GCC for arm-none-eabi with picolibc. The board's board.mk has set CORE, BOARD_FLAGS,
# MEMORY, BOARD_SRCS and QEMU (or OPENOCD), and may set TIME, TIME_FLAGS, TIME_HZ and TEST_STACK.

# The core a board names: its compiler flags, its switch, and the switch STACK_GUARD=mpu builds where
# the port has one for that core.
#   cortex-m0   ARMv6-M
#   cortex-m3   ARMv7-M
#   cortex-m4   ARMv7E-M without an FPU (the v7-M switches serve it)
#   cortex-m4f  ARMv7E-M with the single-precision FPU, hard-float ABI
#   cortex-m33  ARMv8-M mainline, soft-float ABI; PSPLIM bounds every stack, so no MPU variant
CORES := cortex-m0 cortex-m3 cortex-m4 cortex-m4f cortex-m33
CORE_FLAGS_cortex-m0  := -mcpu=cortex-m0 -mfloat-abi=soft
SWITCH_cortex-m0      := arch/cortex-m/switch_arm_v6m_aapcs.S
CORE_FLAGS_cortex-m3  := -mcpu=cortex-m3 -mfloat-abi=soft
SWITCH_cortex-m3      := arch/cortex-m/switch_arm_v7m_aapcs.S
SWITCH_MPU_cortex-m3  := arch/cortex-m/switch_arm_v7m_mpu_aapcs.S
CORE_FLAGS_cortex-m4  := -mcpu=cortex-m4 -mfloat-abi=soft
SWITCH_cortex-m4      := arch/cortex-m/switch_arm_v7m_aapcs.S
SWITCH_MPU_cortex-m4  := arch/cortex-m/switch_arm_v7m_mpu_aapcs.S
CORE_FLAGS_cortex-m4f := -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard
SWITCH_cortex-m4f     := arch/cortex-m/switch_arm_v7em_fpu_aapcs.S
SWITCH_MPU_cortex-m4f := arch/cortex-m/switch_arm_v7em_fpu_mpu_aapcs.S
CORE_FLAGS_cortex-m33 := -mcpu=cortex-m33 -mfloat-abi=soft
SWITCH_cortex-m33     := arch/cortex-m/switch_arm_v8m_aapcs.S
ifneq ($(words $(CORE)) $(filter $(CORE),$(CORES)),1 $(CORE))
$(error $(BOARD): unknown CORE '$(CORE)'. Known cores: $(CORES))
endif
CORE_FLAGS := $(CORE_FLAGS_$(CORE))
SWITCH := $(SWITCH_$(CORE))
# port_fill, the kernel's paint: eight words a store where Thumb-2 has the registers for it.
FILL := arch/cortex-m/fill_arm_$(if $(filter cortex-m0,$(CORE)),v6m,v7m)_aapcs.S
SWITCH_MPU := $(SWITCH_MPU_$(CORE))

# STACK_GUARD=mpu: the MPU denies all access to the 448 bytes below the running context's stack, for
# boards whose core has such a switch variant (SWITCH_MPU); the default relies on the kernel's
# canary (and, on ARMv8-M, on PSPLIM, which every v8-M switch sets). STACK_GUARDS, at the end, lists
# what this board may build; the Makefile stops at any other value.
ifeq ($(STACK_GUARD),mpu)
ifeq ($(SWITCH_MPU),)
$(error STACK_GUARD=mpu: $(BOARD)'s core, $(CORE), has no MPU switch variant)
endif
SWITCH := $(SWITCH_MPU)
GUARD_FLAGS := -DPORT_MPU_GUARD=1
GUARD_SRCS := arch/cortex-m/guard_mpu.cpp
BUILD_SUFFIX := -mpu
endif

# How far below the lowest byte its code has stored to sp may go with the MPU guard still catching
# the next access (tools/frame-check, run on the images of an STACK_GUARD=mpu build but the
# on-target suite's, whose cases keep frames of up to a KiB): the guard's 448 bytes (port_arch.h),
# less what an exception frame stacked there writes beyond the 64 bytes below it, which are still
# the slot's (32 bytes, 104 with the FPU's, and 4 of alignment), and never less than the 8 sp is
# aligned to. port_fault_report runs only on the handler stack, which no guard bounds.
ifeq ($(STACK_GUARD),mpu)
FRAME_REACH_cortex-m4f := 404
FRAME_CHECK = env OBJDUMP=$(CROSS)objdump HANDLER_ONLY=port_fault_report tools/frame-check \
              $(or $(FRAME_REACH_$(CORE)),440)
endif

# A frame larger than a 32-byte guard, written only at its bottom (target-tests/large_frame/): the
# MPU guard and PSPLIM catch it, the canary cannot, so only those builds run it.
ifneq ($(STACK_GUARD)$(findstring v8m,$(SWITCH)),canary)
LARGE_FRAME_CHECK := yes
endif

# What a deliberate overflow must end in, per guard: exit status and a line of the report, which
# names the coroutine, its pool and its stack use.
ifeq ($(STACK_GUARD),mpu)
GUARD_STATUS := 102
GUARD_REPORT := fault: MemManage.* in coroutine 'deep' in pool 'overflow_[ab]', stack [0-9][0-9]* of 1024 bytes used
else ifneq ($(findstring v8m,$(SWITCH)),)
GUARD_STATUS := 102
GUARD_REPORT := fault: UsageFault stack overflow.* in coroutine 'deep' in pool 'overflow_[ab]', stack [0-9][0-9]* of 1024 bytes used
else
GUARD_STATUS := 101
GUARD_REPORT := stack overflow: the canary .*coroutine 'deep' in pool 'overflow_[ab]', stack [0-9][0-9]* of 1024 bytes used
endif

# The time source: what port_ticks() and port_timer_arm() are made of. A board.mk picks one with
# TIME (and gives its peripheral's address and interrupt in TIME_FLAGS); docs/boards.md says which.
#   systick      SysTick alone keeps time and interrupts for deadlines; it can never stop
#   systick_tickless  SysTick alone, as above, but off while nothing waits on time: time then
#                stands still
#   nrf51_timer  an nRF51/nRF52 TIMER does both, at 1 MHz unless the board says
#   cmsdk_timer  a CMSDK APB timer keeps time; SysTick is only the alarm, off while nothing waits
#   stm32_tim    an STM32F4 32-bit timer (TIM2 or TIM5) keeps time; SysTick is only the alarm, as above
# TIME_HZ, where given, is the tick rate (PORT_TICK_HZ); otherwise it is the core clock's.
TIME ?= systick
ifeq ($(TIME),systick)
TIME_SRCS := arch/cortex-m/time_systick.cpp
else ifeq ($(TIME),systick_tickless)
TIME_SRCS := arch/cortex-m/time_systick_tickless.cpp
TIME_FLAGS += -DPORT_TIME_SYSTICK_TICKLESS=1
else ifeq ($(TIME),nrf51_timer)
TIME_SRCS := arch/cortex-m/time_nrf51_timer.cpp
TIME_HZ ?= 1000000
else ifeq ($(TIME),cmsdk_timer)
TIME_SRCS := arch/cortex-m/time_cmsdk_timer.cpp arch/cortex-m/time_systick_alarm.cpp
TIME_FLAGS += -DPORT_TIME_SYSTICK_ALARM=1
else ifeq ($(TIME),stm32_tim)
TIME_SRCS := arch/cortex-m/time_stm32_tim.cpp arch/cortex-m/time_systick_alarm.cpp
TIME_FLAGS += -DPORT_TIME_SYSTICK_ALARM=1
else
$(error TIME must be systick, systick_tickless, nrf51_timer, cmsdk_timer or stm32_tim, not '$(TIME)')
endif
ifneq ($(TIME_HZ),)
TIME_FLAGS += -DPORT_TICK_HZ=$(TIME_HZ)
endif
# TIME_CHECKS (board.mk): the time sources besides its default that a board also offers. Each builds
# in its own folder, and make check runs the board's suite with each.
ifneq ($(filter $(TIME),$(TIME_CHECKS)),)
BUILD_SUFFIX := $(BUILD_SUFFIX)-$(TIME)
endif

CROSS := arm-none-eabi-
CC  := $(CROSS)gcc
CXX := $(CROSS)g++
NM  := $(CROSS)nm
SIZE := $(CROSS)size
OBJCOPY := $(CROSS)objcopy
OPT ?= -Os
# console_stdio.cpp puts picolibc's stdio on the board's UART, through drivers/uart.cpp when it has one.
GUARD_SRCS ?= arch/cortex-m/guard_none.cpp
ARCH_SRCS := arch/cortex-m/port.cpp arch/cortex-m/startup.cpp arch/cortex-m/faults.cpp $(SWITCH) $(FILL) $(GUARD_SRCS) \
             board/console_stdio.cpp drivers/uart.cpp $(TIME_SRCS)
# board/ holds board.h, the hooks every board provides; drivers/ the peripheral drivers they share.
ARCH_FLAGS := $(CORE_FLAGS) $(BOARD_FLAGS) $(GUARD_FLAGS) $(TIME_FLAGS) -mthumb -masm-syntax-unified --specs=picolibc.specs \
              -ffunction-sections -fdata-sections -Iboard -Idrivers
ARCH_CXXFLAGS := -fno-threadsafe-statics
# The vector table and reset handler are ours, not picolibc's crt0; memory.ld comes from the board.
LDSCRIPT := linker/cortex_m.ld
ARCH_LDFLAGS := -nostartfiles -T$(LDSCRIPT) -L$(dir $(MEMORY)) -Wl,--gc-sections -Wl,-z,noexecstack
# Semihosting: the QEMU boards' board_exit() ends the run with the program's exit status.
QEMU_FLAGS := -nographic -monitor none -semihosting-config enable=on,target=native
# What a core needs to boot each image, against the board's memory map (tools/image-check; its
# self-test, tools/image-check-test, runs with the host's build checks).
IMAGE_CHECK := env CROSS=$(CROSS) tools/image-check $(MEMORY)
# The stack guards a build may choose (STACK_GUARD), the default first; make check runs each.
STACK_GUARDS := canary $(if $(SWITCH_MPU),mpu)
# One build variant: the sanitizers are the host's. The FPU switches keep FPSCR per coroutine, so
# the floating-point control state is always saved.
VARIANTS := plain
FP_CONTROLS := save
# What the trap instruction (target-tests/fault/) must end in: a UsageFault, or on ARMv6-M, which
# has none, a HardFault, reported with the coroutine, its pool and its stack use.
FAULT_REPORT := fault: \(UsageFault\|HardFault\) .* in coroutine 'bad' in pool 'faulting', stack [0-9][0-9]* of 1024 bytes used
