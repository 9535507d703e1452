# Weft. `make help` lists the targets, the boards and these inputs, each given as NAME=value:
#   BOARD        the board to build for, one of board/*/ (default qemu-mps2-an385)
#   VARIANT      plain; on the host also asan or ubsan, built under that sanitizer, or i386, a
#                32-bit build on the i386 switch (default plain)
#   STACK_GUARD  canary, the kernel's stack canary; mpu, the MPU guard, where a Cortex-M board's
#                core has a switch for it; pmp, the PMP guard, where a RISC-V board's core has PMP
#                (default canary)
#   FP_CONTROL   save: each coroutine keeps its floating-point control state; on the host also
#                skip: coroutines share it, for a faster switch (default save)
#   TEST_STACK   bytes of stack per on-target test coroutine, a multiple of 16 (default 2048, or
#                the board's)
#   FLASH_IMAGE  the image `make flash` loads: one this board builds, or an ELF or hex file of
#                your own (default the demo)
#   DEBUG_IMAGE  the image `make debug` runs under gdb: one this board builds, or an ELF file of your
#                own (default the demo); DEBUG_PORT, QEMU's gdb port (default 1234); DEBUG_LOAD=no,
#                on a real board: attach to what runs instead of flashing (default yes)
#   OPT          optimisation flags (default -Os on target boards, -O2 on the host)
#   V            V=1 shows each command instead of a short line
# An unknown value of any of the first seven stops the build and names the known ones. VARIANT,
# STACK_GUARD and FP_CONTROL each build into their own directory (build/<board>/<variant>, then -mpu,
# -pmp or -fpskip); OPT and TEST_STACK do not: after changing them, `make clean`.
BOARD ?= qemu-mps2-an385
VARIANT ?= plain
STACK_GUARD ?= canary
FP_CONTROL ?= save
TEST_STACK ?= 2048

BOARDS := $(sort $(patsubst board/%/board.mk,%,$(wildcard board/*/board.mk)))
ifneq ($(words $(BOARD)) $(filter $(BOARD),$(BOARDS)),1 $(BOARD))
$(error unknown BOARD '$(BOARD)'. Known boards: $(BOARDS))
endif

QEMU_BOARDS := $(filter qemu-%,$(BOARDS))
# Real boards: images are built and checked here, and run only once flashed (`make flash`).
REAL_BOARDS := $(filter-out host $(QEMU_BOARDS),$(BOARDS))

include board/$(BOARD)/board.mk
include arch/$(ARCH)/arch.mk
# What links an image: the C++ driver, unless the arch has no C++ library to link (arch.mk).
LINK ?= $(CXX)

# The inputs with a fixed set of values take those the arch lists for this board (VARIANTS,
# STACK_GUARDS, FP_CONTROLS from arch.mk): $(call choice,NAME,KNOWN) stops at any other.
comma := ,
empty :=
space := $(empty) $(empty)
or-list = $(if $(word 2,$(1)),$(subst $(space),$(comma)$(space),$(wordlist 2,$(words $(1)),x $(1))) or $(lastword $(1)),$(1))
choice = $(if $(filter-out 1,$(words $($(1))))$(filter-out $(2),$($(1))),$(error $(BOARD): $(1) must be $(call or-list,$(2)), not '$($(1))'))
$(call choice,VARIANT,$(VARIANTS))
$(call choice,STACK_GUARD,$(STACK_GUARDS))
$(call choice,FP_CONTROL,$(FP_CONTROLS))
ifneq ($(shell echo '$(TEST_STACK)' | grep -Eqx '[1-9][0-9]{0,8}' && [ $$(($(TEST_STACK) % 16)) -eq 0 ] && echo ok),ok)
$(error TEST_STACK must be a positive number of bytes, a multiple of 16, not '$(TEST_STACK)')
endif

BUILD := build/$(BOARD)/$(VARIANT)$(BUILD_SUFFIX)
OBJ := $(BUILD)/obj

KERNEL_SRCS := $(wildcard kernel/*.cpp)
CORE_SRCS := $(KERNEL_SRCS) $(ARCH_SRCS) $(BOARD_SRCS)
INCLUDES := -Ikernel -Iarch -Iarch/$(ARCH) -Iboard/$(BOARD)

WARNINGS := -Wall -Wextra -Werror
CXXSTD := -std=c++20
CSTD := -std=c11
OPT ?= -O2
COMMON := $(OPT) -g $(WARNINGS) $(ARCH_FLAGS) $(INCLUDES) -MMD -MP
# The kernel and ports are built as firmware is, even on the host.
KERNEL_CXXFLAGS := $(CXXSTD) $(COMMON) -fno-exceptions -fno-rtti
APP_CXXFLAGS := $(CXXSTD) $(COMMON)
# C is for the x86 C library (arch/x86/libc/), whose definitions must meet glibc's C declarations.
CFLAGS := $(CSTD) $(COMMON)
ASFLAGS := $(COMMON)

obj = $(patsubst %,$(OBJ)/%.o,$(1))
# Quiet by default: one short line per step; V=1 shows the commands.
Q := $(if $(V),,@)
say = $(if $(V),,@echo "  $(1)	$(2)")
CORE_OBJS := $(call obj,$(CORE_SRCS))

.PHONY: check-e2k flood flood-suite all run check bench bench-one bench-runs suite suites soak fuzz clean help compdb setup size flash iso debug virtio
.DEFAULT_GOAL := all

setup:
	@tools/setup

$(OBJ)/kernel/%.cpp.o $(OBJ)/arch/%.cpp.o $(OBJ)/board/%.cpp.o: CXXFLAGS_FOR = $(KERNEL_CXXFLAGS)
# The board's and the port's make files (and any they include) set compiler flags: a change there
# rebuilds the board.
FLAG_FILES := $(filter board/% arch/%,$(MAKEFILE_LIST))
$(OBJ)/%.cpp.o: %.cpp $(FLAG_FILES)
	@mkdir -p $(@D)
	$(call say,CXX,$<)
	$(Q)$(CXX) $(or $(CXXFLAGS_FOR),$(APP_CXXFLAGS)) -c $< -o $@

# C: the x86 boards' own C library (arch/x86/libc/), which the host's tests also build.
$(OBJ)/%.c.o: %.c $(FLAG_FILES)
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(OBJ)/%.S.o: %.S $(FLAG_FILES)
	@mkdir -p $(@D)
	$(call say,AS,$<)
	$(Q)$(CC) $(ASFLAGS) -c $< -o $@

JOBS := -j$(shell nproc 2>/dev/null || echo 2)
CHECK := build/check

ifeq ($(ARCH),host)
DEMO := $(BUILD)/demo
TESTS := $(BUILD)/tests
BENCH := $(BUILD)/bench
TEST_SRCS := $(wildcard host-tests/*.cpp host-tests/shared/*.cpp host-tests/model/*.cpp)
# The QEMU compatibility layer: kernel code (kernel flags via the pattern above), host-tested.
COMPAT_OBJS := $(call obj,$(wildcard kernel/compat/qemu/*.cpp))
$(COMPAT_OBJS): KERNEL_CXXFLAGS += -Ikernel/compat/qemu
# The drivers' hardware-independent part, host-tested against fake devices that derive from it
# (so built with RTTI, as the tests are).
HOST_DRIVER_OBJS := $(call obj,drivers/uart.cpp drivers/sd_spi.cpp drivers/block_device.cpp drivers/i2c_bus.cpp drivers/at24c.cpp)
# The x86 C library's formatter and string functions, tested against glibc's: string.c a second
# time with its functions renamed (libc_test_memcpy, ...), so that they link beside glibc's.
HOST_LIBC_OBJS := $(call obj,arch/x86/libc/format.c) $(OBJ)/arch/x86/libc/string.c.renamed.o
$(OBJ)/arch/x86/libc/string.c.renamed.o: arch/x86/libc/string.c $(FLAG_FILES)
	@mkdir -p $(@D)
	$(call say,CC,$<)
	$(Q)$(CC) $(CFLAGS) -DLIBC_TEST_NAMES -c $< -o $@

$(call obj,$(TEST_SRCS)): APP_CXXFLAGS += -Ikernel/compat/qemu -Ihost-tests/shared -Idrivers
$(call obj,host-tests/model_test.cpp): APP_CXXFLAGS += -DMODEL_CORPUS='"$(CURDIR)/host-tests/fuzz/corpus"'

all: $(DEMO) $(TESTS)

$(DEMO): $(CORE_OBJS) $(call obj,demo/main.cpp)
	$(call say,LD,$@)
	$(Q)$(CXX) $(ARCH_FLAGS) $^ -o $@

# Debian's GoogleTest, or the arch's own build of it for a variant it has none for (arch.mk).
GTEST_LIBS := $(or $(GTEST_LIBS_$(VARIANT)),-lgtest -lgtest_main)
$(TESTS): $(CORE_OBJS) $(COMPAT_OBJS) $(HOST_DRIVER_OBJS) $(HOST_LIBC_OBJS) $(call obj,$(TEST_SRCS)) \
          $(filter %.a,$(GTEST_LIBS))
	$(call say,LD,$@)
	$(Q)$(CXX) $(ARCH_FLAGS) $(filter-out %.a,$^) $(GTEST_LIBS) -lpthread -o $@

# GoogleTest (with its main) from Debian's sources, built with the variant's flags: not ours, so
# not under our warnings.
$(BUILD)/gtest/libgtest.a: $(FLAG_FILES)
	@mkdir -p $(@D)
	$(call say,GTEST,$@)
	$(Q)$(CXX) $(ARCH_FLAGS) -O2 -isystem $(GTEST_SRC)/include -I$(GTEST_SRC) -c $(GTEST_SRC)/src/gtest-all.cc -o $(@D)/gtest-all.o
	$(Q)$(CXX) $(ARCH_FLAGS) -O2 -isystem $(GTEST_SRC)/include -I$(GTEST_SRC) -c $(GTEST_SRC)/src/gtest_main.cc -o $(@D)/gtest_main.o
	$(Q)ar rcs $@ $(@D)/gtest-all.o $(@D)/gtest_main.o

$(call obj,bench/host/lifecycle_bench.cpp): APP_CXXFLAGS += -DPORT_STACK_MIN=1024
$(BENCH): $(CORE_OBJS) $(call obj,$(wildcard bench/host/*.cpp bench/host/*.S))
	$(call say,LD,$@)
	$(Q)$(CXX) $(ARCH_FLAGS) $^ -lbenchmark -lboost_context -lpthread -o $@

run:
	@tools/setup
	@$(MAKE) --no-print-directory $(JOBS) $(DEMO)
	@$(DEMO)

# Once per FP_CONTROL setting; each run measures its own peers.
bench:
	@tools/setup
	@for fp in $(FP_CONTROLS); do \
	    $(MAKE) --no-print-directory $(JOBS) FP_CONTROL=$$fp bench-one || exit 1; done

bench-one: $(BENCH)
	@echo "== host benchmark, FP_CONTROL=$(FP_CONTROL) =="
	@$(BENCH)

# make check builds the benchmark and runs every row once, briefly: that it runs and prints its
# table, never how fast (docs/performance.md has the figures and how to measure them).
bench-runs: $(BENCH)
	@echo "== host benchmark, one short run =="
	@tools/run-suite $(CHECK)/bench-host.log sh -c '"$$0" "$$@" && echo "bench: 1 passed, 0 failed"' \
		$(BENCH) --benchmark_min_time=0.001 --benchmark_repetitions=2

# The host's suites: each build variant, FP_CONTROL=skip, and the build's own checks, with the
# self-test of every image checker an arch.mk names (tools/<checker>-test beside tools/<checker>).
CHECKER_TESTS := $(wildcard tools/*-test)
suites:
	@for v in $(VARIANTS); do $(MAKE) --no-print-directory $(JOBS) VARIANT=$$v suite || exit 1; done
	@$(MAKE) --no-print-directory $(JOBS) FP_CONTROL=skip suite
	@$(MAKE) --no-print-directory $(JOBS) bench-runs
	@echo "== build =="
	@tools/run-suite $(CHECK)/build.log tools/build-tests
	@echo "== host: the libFuzzer target over its corpus =="
	@$(MAKE) --no-print-directory $(FUZZ)
	@tools/run-suite $(CHECK)/fuzz-replay.log tools/fuzz-replay $(FUZZ) host-tests/fuzz/corpus
	@for t in $(CHECKER_TESTS); do tools/run-suite $(CHECK)/$${t#tools/}.log $$t; done

suite: $(TESTS)
	@echo "== host: $(VARIANT)$(BUILD_SUFFIX) =="
	@tools/no-heap $(CORE_OBJS) $(COMPAT_OBJS) $(HOST_DRIVER_OBJS) $(HOST_LIBC_OBJS) > $(CHECK)/no-heap-$(VARIANT)$(BUILD_SUFFIX).log
	@cat $(CHECK)/no-heap-$(VARIANT)$(BUILD_SUFFIX).log
	@tools/run-suite $(CHECK)/host-$(VARIANT)$(BUILD_SUFFIX).log env $(RUN_ENV_$(VARIANT)) $(TESTS)

# The model-based random test alone (docs/testing.md), over SEEDS seeds from SEED (by default the
# ones after make check's); a single seed runs in a child process, so that even a crash is shrunk.
SEEDS ?= 10000
soak: $(TESTS)
	@echo "== host: model-based test, $(VARIANT)$(BUILD_SUFFIX), $(SEEDS) seeds$(if $(SEED), from $(SEED)) =="
	@env MODEL_SEEDS=$(SEEDS) $(if $(SEED),MODEL_SEED=$(SEED)) $(RUN_ENV_$(VARIANT)) $(TESTS) --gtest_filter='ModelTest.*'

# The libFuzzer target (docs/testing.md): the model's programs decoded from the fuzzer's input,
# built with clang under UBSan (ASan's fiber annotations are the GCC build's; make check replays the
# corpus under both, and through this target too, so that it keeps building). New inputs go to
# build/host/fuzz/corpus; FUZZ_TIME seconds, 0 for ever.
# clang 14 rejects constinit on the pools' storage (members without an initialiser), which GCC's
# builds keep checking.
FUZZ := build/host/fuzz/model_fuzz
FUZZ_TIME ?= 600
FUZZ_SRCS := $(KERNEL_SRCS) $(ARCH_SRCS) $(BOARD_SRCS) $(wildcard host-tests/model/*.cpp) host-tests/fuzz/model_fuzz.cpp
$(FUZZ): $(FUZZ_SRCS) $(wildcard host-tests/model/*.h kernel/*.h kernel/weft/*.h arch/host/*.h)
	@mkdir -p $(@D)
	$(call say,LD,$@)
	$(Q)clang++ $(CXXSTD) -O1 -g -Wall -Wextra -Werror -Dconstinit= -DPORT_SAVES_FP_CONTROL=1 -Ikernel -Iarch \
		-Iarch/host -Iboard/host -fsanitize=fuzzer,undefined -fno-sanitize-recover=all $(FUZZ_SRCS) -o $@
fuzz:
	@tools/setup
	@$(MAKE) --no-print-directory $(FUZZ)
	@mkdir -p build/host/fuzz/corpus
	$(FUZZ) -max_total_time=$(FUZZ_TIME) -max_len=512 build/host/fuzz/corpus host-tests/fuzz/corpus

size flash iso flood virtio:
	@echo "make $@ is for target boards: make $@ BOARD=<board>"; exit 1

# The demo, or DEBUG_IMAGE, under gdb-multiarch with tools/gdb/weft.py loaded (docs/debugging.md).
DEBUGGABLE := $(DEMO) $(TESTS) $(BENCH)
DEBUG_IMAGE ?= $(DEMO)
debug:
	@tools/setup
	$(if $(filter $(DEBUG_IMAGE),$(DEBUGGABLE)),@$(MAKE) --no-print-directory $(JOBS) $(DEBUG_IMAGE))
	@tools/debug host $(DEBUG_IMAGE)

ifneq ($(origin FLASH_IMAGE),undefined)
$(error host: FLASH_IMAGE is for target boards; the host has nothing to flash)
endif
else
# A target board: the demo and the on-target tests as firmware images, each run under QEMU.
DEMO := $(BUILD)/demo.elf
TESTS := $(BUILD)/target_tests.elf
# The on-target suite: the kernel suites shared with the host, the cases every port runs and the
# arch's own (target-tests/<arch>/, with arch_test.h), under the small runner behind
# host-tests/shared/weft_test.h, with TEST_STACK bytes per test coroutine.
TARGET_TEST_SRCS := $(wildcard host-tests/shared/*.cpp target-tests/*.cpp target-tests/$(ARCH)/*.cpp)
# PHASE_IRQ_FLAGS (board.mk) names the spare interrupt the phase sweep uses (target-tests/phase_irq.h).
$(call obj,$(TARGET_TEST_SRCS)): APP_CXXFLAGS += -DWEFT_TEST_ON_TARGET -DWEFT_TEST_STACK=$(TEST_STACK) \
	$(PHASE_IRQ_FLAGS) -Ihost-tests/shared -Itarget-tests -Itarget-tests/$(ARCH)
# Everything in an image is firmware: built as the kernel is.
KERNEL_CXXFLAGS += $(ARCH_CXXFLAGS)
APP_CXXFLAGS := $(KERNEL_CXXFLAGS)
$(OBJ)/drivers/%.cpp.o: CXXFLAGS_FOR = $(KERNEL_CXXFLAGS)
# How the image's exit status becomes QEMU's, where the arch's exit device does not pass it as it
# is (QEMU_EXIT in arch.mk). isa-debug-exit (x86) makes QEMU exit with 2 * status + 1, and only an
# ACPI power-off with 0, which the boards use for a pass: mapped back here, so that every run's
# status is the image's, timeout's 124 included.
# QEMU's own 1 (it could not start) stays a failure.
EXIT_MAP_isa-debug-exit := sh -c '"$$@"; s=$$?; [ $$s -ge 3 ] && [ $$((s % 2)) -eq 1 ] && s=$$(((s - 1) / 2)); exit $$s' isa-debug-exit
EXIT_MAP := $(if $(QEMU_EXIT),$(or $(EXIT_MAP_$(QEMU_EXIT)),$(error $(ARCH): no exit mapping for QEMU_EXIT '$(QEMU_EXIT)')))
# A real board whose own images QEMU boots as the hardware would (QEMU_BOOT in board.mk: the
# machine), from its ISO where it has one (a PC: firmware, GRUB, Multiboot): its exit halts for
# good, so the run ends on the line that exit prints (tools/run-to-halt).
RUN_BOOT := tools/run-to-halt timeout -k 5 120 $(QEMU_BOOT) $(QEMU_FLAGS) -icount shift=0,sleep=off $(if $(ISO),-cdrom,-kernel)
BOOT_TESTS := $(if $(ISO),$(TESTS:.elf=.iso),$(TESTS))
# Its demo's echo, in real time as on a QEMU board (below).
RUN_BOOT_REAL_TIME := tools/run-to-halt timeout -k 5 30 $(QEMU_BOOT) $(QEMU_FLAGS) $(if $(ISO),-cdrom,-kernel)
BOOT_DEMO := $(if $(ISO),$(DEMO:.elf=.iso),$(DEMO))
# Tests run on instruction-counted time: deterministic, and idle time passes at once.
RUN := timeout -k 5 60 $(EXIT_MAP) $(QEMU) $(QEMU_FLAGS) -icount shift=0,sleep=off -kernel
# The demo's UART echo is checked in real time: its timeouts must leave the host time to type.
RUN_REAL_TIME := timeout -k 5 20 $(EXIT_MAP) $(QEMU) $(QEMU_FLAGS) -kernel

# A board with block storage (STORAGE_SRCS in board.mk: its drivers and their wiring) also builds
# the SD card test and the demo that lists the card's first blocks; under QEMU tools/sd-check runs
# the test on a disk image that tools/sd_image.cpp makes and checks (docs/drivers.md).
SD_TESTS := $(if $(STORAGE_SRCS),$(BUILD)/sd_tests.elf)
SD_DEMO := $(if $(STORAGE_SRCS),$(BUILD)/sd_list.elf)
SD_IMAGE_TOOL := $(BUILD)/sd-image
$(call obj,target-tests/sd/main.cpp demo/sd_list.cpp): APP_CXXFLAGS += -Itarget-tests/sd
$(SD_TESTS): $(CORE_OBJS) $(call obj,$(STORAGE_SRCS) target-tests/sd/main.cpp)
$(SD_DEMO): $(CORE_OBJS) $(call obj,$(STORAGE_SRCS) demo/sd_list.cpp)
$(SD_IMAGE_TOOL): tools/sd_image.cpp target-tests/sd/sd_pattern.h
	@mkdir -p $(@D)
	$(call say,HOSTCXX,$@)
	$(Q)g++ -std=c++20 -O2 $(WARNINGS) -Itarget-tests/sd $< -o $@

# A board with an AT24C EEPROM on its I2C bus (EEPROM in board.mk: its size in bytes) also builds
# the EEPROM's test image and the boot counter demo, which tools/eeprom-check boots twice each on one
# backing file.
EEPROM_IMAGES := $(if $(EEPROM),$(BUILD)/eeprom_test.elf $(BUILD)/boot_counter.elf)
# The virtio drivers' test (target-tests/virtio/), on a board that lists them in VIRTIO_SRCS; run by
# tools/virtio-check with a disk image and an entropy device attached, then with none.
VIRTIO_TESTS := $(if $(VIRTIO_SRCS),$(BUILD)/virtio_tests.elf)
IMAGES := $(DEMO) $(TESTS) $(SD_TESTS) $(SD_DEMO) $(EEPROM_IMAGES) $(VIRTIO_TESTS)
# A real board's images also as raw binary and Intel hex, for loaders that take no ELF; a board that
# boots from a CD or USB stick (ISO := yes in board.mk: a PC) gets GRUB images of them instead.
HEX_IMAGES := $(if $(QEMU)$(ISO),,$(IMAGES:.elf=.bin) $(IMAGES:.elf=.hex))
ISO_IMAGES := $(if $(ISO),$(IMAGES:.elf=.iso))
# Hardware only: flashing it is the way to run it.
no-qemu = $(if $(QEMU),,@echo "$(BOARD) is a real board: make flash BOARD=$(BOARD) loads the demo"; exit 1)

all: $(IMAGES) $(HEX_IMAGES) $(ISO_IMAGES)
	@$(SIZE) $(IMAGES)

# An image on a bootable CD or USB stick: GRUB, which boots it by Multiboot (tools/grub-iso).
$(BUILD)/%.iso: $(BUILD)/%.elf tools/grub-iso
	$(call say,ISO,$@)
	$(Q)tools/grub-iso $< $@

iso:
	@$(if $(ISO),tools/setup && $(MAKE) --no-print-directory $(JOBS) $(DEMO:.elf=.iso) && echo "$(DEMO:.elf=.iso): write it to a CD or with dd to a USB stick",echo "$(BOARD) does not boot from a CD or USB stick: make iso BOARD=pc-i386"; exit 1)

$(BUILD)/%.bin: $(BUILD)/%.elf
	$(call say,BIN,$@)
	$(Q)$(OBJCOPY) -O binary $< $@
$(BUILD)/%.hex: $(BUILD)/%.elf
	$(call say,HEX,$@)
	$(Q)$(OBJCOPY) -O ihex $< $@

$(DEMO): $(CORE_OBJS) $(call obj,demo/main.cpp)
$(TESTS): $(CORE_OBJS) $(call obj,$(TARGET_TEST_SRCS))
MINIMAL := $(BUILD)/minimal.elf
$(MINIMAL): $(CORE_OBJS) $(call obj,tools/minimal_image.cpp)
CORE_IMAGE := $(BUILD)/core.elf
$(CORE_IMAGE): $(CORE_OBJS) $(call obj,tools/core_image.cpp)
# An overflow on purpose: the run must end in the report of the build's stack guard (arch.mk).
OVERFLOW := $(BUILD)/overflow.elf
$(OVERFLOW): $(CORE_OBJS) $(call obj,target-tests/overflow/main.cpp)
# A trap instruction on purpose: the run must end in the port's fault report (FAULT_REPORT, arch.mk).
FAULT := $(BUILD)/fault.elf
$(FAULT): $(CORE_OBJS) $(call obj,target-tests/fault/main.cpp)
$(BUILD)/virtio_tests.elf: $(CORE_OBJS) $(call obj,$(VIRTIO_SRCS) target-tests/virtio/main.cpp)
$(BUILD)/eeprom_test.elf: $(CORE_OBJS) $(call obj,target-tests/eeprom/main.cpp drivers/at24c.cpp)
$(BUILD)/boot_counter.elf: $(CORE_OBJS) $(call obj,demo/boot_counter.cpp drivers/at24c.cpp)
# A large frame written only at its bottom, at the stack's limit: where the arch's guard catches it
# (LARGE_FRAME_CHECK), the run must end in the guard's report, as the overflow's does.
LARGE_FRAME := $(BUILD)/large_frame.elf
$(LARGE_FRAME): $(CORE_OBJS) $(call obj,target-tests/large_frame/main.cpp)
# The UART flood's guest side (target-tests/flood/main.cpp; tools/uart_flood.cpp is the host's).
FLOOD := $(BUILD)/flood.elf
$(FLOOD): $(CORE_OBJS) $(call obj,target-tests/flood/main.cpp)
# A frame no guard of the arch's catches: FRAME_CHECK must stop its link (tools/build-tests).
TOO_LARGE_FRAME := $(BUILD)/too_large_frame.elf
$(TOO_LARGE_FRAME): $(CORE_OBJS) $(call obj,tools/too_large_frame.cpp)
# FRAME_CHECK (arch.mk), where the build's guard has one, fails an image whose frames could step
# over the guard; the on-target suite's cases are tests, not firmware, and keep larger frames.
frame-check = $(if $(FRAME_CHECK),$(if $(filter $(TESTS) $(SD_TESTS) $(BUILD)/eeprom_test.elf $(VIRTIO_TESTS),$(1)),,$(FRAME_CHECK) $(1) > $(1).frames || \
	{ cat $(1).frames; rm -f $(1); exit 1; }))
$(DEMO) $(TESTS) $(MINIMAL) $(CORE_IMAGE) $(OVERFLOW) $(FAULT) $(FLOOD) $(LARGE_FRAME) $(TOO_LARGE_FRAME) $(SD_TESTS) $(SD_DEMO) $(EEPROM_IMAGES) $(VIRTIO_TESTS): $(LDSCRIPT) $(MEMORY)
	$(call say,LD,$@)
	$(Q)$(LINK) $(ARCH_FLAGS) $(ARCH_LDFLAGS) -Wl,-Map=$@.map $(filter %.o,$^) $(ARCH_LIBS) -o $@
	@NM=$(NM) tools/no-heap-image $@ > /dev/null || { NM=$(NM) tools/no-heap-image $@; rm -f $@; exit 1; }
	@$(call frame-check,$@)

fuzz:
	@echo "make $@ runs the host's model-based test: make $@ BOARD=host"; exit 1

# The UART flood: FLOOD_BYTES of a checkable pattern through the echo of the flood image, every byte
# echoed or counted by the driver (docs/testing.md). In real time, not under -icount: there QEMU
# hands input to the UART only on the main-loop turns that the guest's timer deadlines bring, which
# paces the flood by the guest's clock rather than by how fast QEMU can deliver it, and the
# UARTs' character-time timers (the 16550's FIFO timeout) run on that virtual clock too.
# make check floods each board with FLOOD_CHECK_BYTES, two of the image's stalls and their drops: 1 MiB
# on each of the twelve boards would take 12 to 15 minutes of make check's 30 (docs/testing.md).
FLOOD_BYTES ?= 1048576
FLOOD_CHECK_BYTES ?= 131072
FLOOD_TOOL := build/tools/uart_flood
HOST_CXX ?= g++
$(FLOOD_TOOL): tools/uart_flood.cpp
	@mkdir -p $(@D)
	$(call say,CXX,$<)
	$(Q)$(HOST_CXX) $(CXXSTD) -O2 $(WARNINGS) $< -o $@
RUN_FLOOD := timeout -k 5 600 $(EXIT_MAP) $(QEMU) $(QEMU_FLAGS) -kernel
flood-suite: $(FLOOD) $(FLOOD_TOOL)
	@echo "== $(BOARD): UART flood, $(FLOOD_BYTES) bytes =="
	@tools/run-suite $(CHECK)/flood-$(BOARD).log $(FLOOD_TOOL) $(FLOOD_BYTES) $(RUN_FLOOD) $(FLOOD)
	@grep '^flood: sent' $(CHECK)/flood-$(BOARD).log

flood:
	$(no-qemu)
	@tools/setup
	@mkdir -p $(CHECK)
	@$(MAKE) --no-print-directory $(JOBS) flood-suite

# The soak (target-tests/soak/, docs/testing.md): a mixed workload over every kernel object for
# SWITCHES switches, under timer interrupts and the UART's receive interrupt, fed a stream by the
# host (tools/uart-stream) for the whole run. The length is built in: one image per length, of
# which only length.cpp is built again. make check runs SOAK_CHECK_SWITCHES on one board per core
# (the CORE values of the QEMU boards' board.mk files), each run a few seconds.
SWITCHES ?= 10000000
SOAK_CHECK_SWITCHES := 200000
SOAK_CHECK_BOARDS := qemu-mps2-an385 qemu-mps2-an386 qemu-mps2-an505 qemu-microbit qemu-virt-rv32 \
                     qemu-virt-rv32e qemu-virt-rv64 qemu-pc-i386 qemu-pc-x86_64
ifneq ($(shell echo '$(SWITCHES)' | grep -Eqx '[1-9][0-9]{0,9}' && [ $(SWITCHES) -le 4000000000 ] && echo ok),ok)
$(error SWITCHES must be a number of switches from 1 to 4000000000, not '$(SWITCHES)')
endif
# Each workload coroutine's stack, with room to spare over the deepest the soak's report lists: 444
# bytes on 32-bit RISC-V, 632 on x86-64, whose frames are the deepest; the micro:bit has no RAM for more.
# The Cortex-M MPU guard takes 512 bytes of each slot, and slots of its size.
SOAK_STACK ?= $(if $(filter mpu,$(STACK_GUARD)),1536,$(if $(filter x86,$(ARCH))$(filter rv64%,$(CORE)),1024,768))
SOAK_SRCS := $(filter-out %/length.cpp,$(wildcard target-tests/soak/*.cpp))
$(call obj,$(SOAK_SRCS)) $(OBJ)/target-tests/soak/length-%.cpp.o: APP_CXXFLAGS += -DSOAK_STACK=$(SOAK_STACK)
$(OBJ)/target-tests/soak/length-%.cpp.o: target-tests/soak/length.cpp $(FLAG_FILES)
	@mkdir -p $(@D)
	$(call say,CXX,$< SWITCHES=$*)
	$(Q)$(CXX) $(APP_CXXFLAGS) -DSOAK_SWITCHES=$*u -c $< -o $@
.PRECIOUS: $(OBJ)/target-tests/soak/length-%.cpp.o
SOAK := $(BUILD)/soak-$(SWITCHES).elf
SOAK_CHECK := $(BUILD)/soak-$(SOAK_CHECK_SWITCHES).elf
$(BUILD)/soak-%.elf: $(CORE_OBJS) $(call obj,$(SOAK_SRCS)) $(OBJ)/target-tests/soak/length-%.cpp.o $(LDSCRIPT) $(MEMORY)
	$(call say,LD,$@)
	$(Q)$(LINK) $(ARCH_FLAGS) $(ARCH_LDFLAGS) -Wl,-Map=$@.map $(filter %.o,$^) $(ARCH_LIBS) -o $@
	@NM=$(NM) tools/no-heap-image $@ > /dev/null || { NM=$(NM) tools/no-heap-image $@; rm -f $@; exit 1; }
# A run's time limit: a few times what the slowest board, the micro:bit, takes (about 33 us a switch).
SOAK_TIME = $$((60 + $(1) / 10000))
RUN_SOAK = tools/uart-stream "waiting for the UART stream" timeout -k 5 $(call SOAK_TIME,$(1)) $(EXIT_MAP) $(QEMU) \
	$(QEMU_FLAGS) -icount shift=0,sleep=off -kernel
SOAK_LOGS := build/soak/$(BOARD)

# The virtio test on its own (docs/drivers.md): its checks, the disk image's, and the throughput figures.
virtio:
	$(no-qemu)
	$(if $(VIRTIO_TESTS),,@echo "$(BOARD) has no virtio devices: make virtio BOARD=qemu-virt-rv32 or qemu-virt-rv64"; exit 1)
	@tools/setup
	@$(MAKE) --no-print-directory $(JOBS) $(VIRTIO_TESTS)
	@tools/virtio-check $(RUN) $(VIRTIO_TESTS)

# The board's on-target suites (its test image, as make check runs it), then the soak; the logs in
# build/soak/<board>/, and "N passed, N failed" over both.
soak:
	$(no-qemu)
	@tools/setup
	@$(MAKE) --no-print-directory $(JOBS) $(TESTS) $(SOAK)
	@rm -rf $(SOAK_LOGS) && mkdir -p $(SOAK_LOGS)
	@echo "== $(BOARD): on-target suites =="
	@tools/run-suite $(SOAK_LOGS)/suites.log \
		tools/uart-feed target-tests/uart_input.txt "uart: waiting for input" $(RUN) $(TESTS)
	@echo "== $(BOARD): soak, $(SWITCHES) switches =="
	@tools/run-suite $(SOAK_LOGS)/soak.log $(call RUN_SOAK,$(SWITCHES)) $(SOAK) > /dev/null
	@grep -E '^soak: ([0-9]+ switches,|uart:|[0-9]+ passed)|^FAIL |^exit status: [1-9]' $(SOAK_LOGS)/soak.log || true
	@tools/summary $(SOAK_LOGS)/*.log

# In real time, so a person can type to the echo.
run:
	$(no-qemu)
	@tools/setup
	@$(MAKE) --no-print-directory $(JOBS) $(DEMO)
	@$(RUN_REAL_TIME) $(DEMO)

# The kernel's objects as compiled, an image with one coroutine (the least an application links),
# one with the kernel core (timed waits and sleeps too), and the demo.
size: $(MINIMAL) $(CORE_IMAGE) $(DEMO)
	@SIZE=$(SIZE) tools/sizes $(BOARD) $(call obj,$(KERNEL_SRCS)) -- $^

# The demo, or FLASH_IMAGE (checked below), with the board's tool (tools/setup flash installs both):
# openocd through its probe (OPENOCD: openocd's arguments), or dfu-util through the chip's USB DFU
# bootloader (DFU_UTIL: dfu-util's arguments), which takes the raw binary beside the image, made
# from it here when the image is one of your own.
FLASH_IMAGE ?= $(DEMO)
FLASH_BIN := $(basename $(FLASH_IMAGE)).bin
flash: $(if $(DFU_UTIL),$(FLASH_BIN),$(FLASH_IMAGE))
	@$(if $(OPENOCD)$(DFU_UTIL),tools/setup flash,$(if $(ISO),echo "$(BOARD) boots from a CD or USB stick: make iso BOARD=$(BOARD)",echo "$(BOARD) runs under QEMU: make run BOARD=$(BOARD)"); exit 1)
	$(if $(DFU_UTIL),dfu-util $(DFU_UTIL) -D $(FLASH_BIN),openocd $(OPENOCD) -c "program $(FLASH_IMAGE) verify reset exit")
ifneq ($(DFU_UTIL),)
ifeq ($(filter build/%,$(FLASH_IMAGE)),)
$(FLASH_BIN): $(FLASH_IMAGE)
	$(call say,BIN,$@)
	$(Q)$(OBJCOPY) $(if $(filter %.hex,$<),-I ihex) -O binary $< $@
endif
endif

# The demo, or DEBUG_IMAGE (checked below), under gdb-multiarch with tools/gdb/weft.py loaded
# (docs/debugging.md), through tools/debug. A QEMU board: QEMU halted at reset with the image loaded,
# its gdb stub on 127.0.0.1:DEBUG_PORT. A real board: openocd through its probe (OPENOCD), gdb on
# openocd's port, 3333, the image flashed and the core halted at reset; DEBUG_LOAD=no attaches to
# what runs instead, flashing nothing.
DEBUG_IMAGE ?= $(DEMO)
DEBUG_PORT ?= 1234
DEBUG_LOAD ?= yes
no-probe = $(if $(ISO),$(BOARD) boots from a CD or USB stick and has no debug probe: make debug BOARD=qemu-pc-$(CORE) debugs the same code under QEMU,$(BOARD) names no debug probe: OPENOCD in its board.mk, the openocd arguments for one, would give it make debug)
debug:
	@$(if $(QEMU)$(OPENOCD),,echo "$(no-probe)"; exit 1)
	@tools/setup $(if $(QEMU),,flash)
	$(if $(filter $(DEBUG_IMAGE),$(DEBUGGABLE)),@$(MAKE) --no-print-directory $(JOBS) $(DEBUG_IMAGE))
	@$(if $(QEMU),tools/debug qemu $(DEBUG_IMAGE) $(DEBUG_PORT) $(QEMU) $(QEMU_FLAGS) -kernel $(DEBUG_IMAGE),tools/debug openocd $(DEBUG_IMAGE) $(DEBUG_LOAD) $(BUILD)/openocd.log $(OPENOCD))

# Guest instruction counts: under QEMU's -icount the port's clock counts guest instructions. The
# benchmark is shared (bench/target/*.cpp); what differs per arch is in its
# bench/target/<arch>/bench_arch.h, without which the arch has none.
SWITCH_COST := $(BUILD)/instructions.elf
TARGET_BENCH_SRCS := $(if $(wildcard bench/target/$(ARCH)/bench_arch.h),$(wildcard bench/target/*.cpp))
$(call obj,$(TARGET_BENCH_SRCS)): APP_CXXFLAGS += -Ibench/target/$(ARCH)
$(SWITCH_COST): $(CORE_OBJS) $(call obj,$(TARGET_BENCH_SRCS)) $(LDSCRIPT) $(MEMORY)
	$(call say,LD,$@)
	$(Q)$(LINK) $(ARCH_FLAGS) $(ARCH_LDFLAGS) $(filter %.o,$^) $(ARCH_LIBS) -o $@

bench:
	$(no-qemu)
	$(if $(TARGET_BENCH_SRCS),,@echo "$(ARCH) has no target benchmark (bench/target/$(ARCH)/bench_arch.h)"; exit 1)
	@tools/setup
	@$(MAKE) --no-print-directory $(JOBS) $(SWITCH_COST)
	@echo "== $(BOARD): guest instructions per operation =="
	@timeout 60 $(QEMU) $(QEMU_FLAGS) -icount shift=0 -kernel $(SWITCH_COST)

# Once per stack guard the board can build (STACK_GUARDS, from arch.mk; the default first, here),
# and once per time source it offers besides its default (TIME_CHECKS, board.mk), with the UART
# flood (FLOOD_CHECK_BYTES) once, in the default build, on a QEMU board; on a real board that is
# its images and their checks.
suites: suite
	$(if $(QEMU),@$(MAKE) --no-print-directory FLOOD_BYTES=$(FLOOD_CHECK_BYTES) flood-suite)
	@for g in $(wordlist 2,$(words $(STACK_GUARDS)),$(STACK_GUARDS)); do \
	    $(MAKE) --no-print-directory $(JOBS) STACK_GUARD=$$g suite || exit 1; done
	@for t in $(TIME_CHECKS); do $(MAKE) --no-print-directory $(JOBS) TIME=$$t suite || exit 1; done

# A real board's suite is its images' checks (no heap, and the arch's IMAGE_CHECK where it names
# one); a QEMU board's also runs the on-target tests. On the boards in GDB_CHECK_BOARDS,
# tools/gdb-check also runs the demo and the fault image under gdb, checking the commands of
# tools/gdb/weft.py (`weft coroutines`, `weft bt`) against the kernel's own listing: one Cortex-M
# board, with each of its stack guards, keeps that check a few seconds long.
GDB_CHECK_BOARDS := qemu-mps2-an385
RUN_GDB := timeout -k 5 60 tools/gdb-check --fault $(FAULT) $(DEMO) $(QEMU) $(QEMU_FLAGS) -icount shift=0,sleep=off
# One board per core also runs a short soak, once (with the default stack guard).
SOAK_IN_CHECK := $(and $(filter $(BOARD),$(SOAK_CHECK_BOARDS)),$(filter canary,$(STACK_GUARD)))
suite: $(IMAGES) $(HEX_IMAGES) $(ISO_IMAGES) $(if $(QEMU),$(OVERFLOW) $(FAULT) $(if $(LARGE_FRAME_CHECK),$(LARGE_FRAME)) $(if $(SD_TESTS),$(SD_IMAGE_TOOL))) \
       $(if $(SOAK_IN_CHECK),$(SOAK_CHECK))
	@echo "== $(BOARD)$(BUILD_SUFFIX) =="
	@{ NM=$(NM) tools/no-heap $(CORE_OBJS); NM=$(NM) tools/no-heap-image $(IMAGES); } \
		> $(CHECK)/no-heap-$(BOARD)$(BUILD_SUFFIX).log; cat $(CHECK)/no-heap-$(BOARD)$(BUILD_SUFFIX).log
	$(if $(IMAGE_CHECK),@tools/run-suite $(CHECK)/image-check-$(BOARD)$(BUILD_SUFFIX).log $(IMAGE_CHECK) $(IMAGES))
	$(if $(QEMU),@tools/run-suite $(CHECK)/$(BOARD)$(BUILD_SUFFIX).log \
		tools/uart-feed target-tests/uart_input.txt "uart: waiting for input" $(RUN) $(TESTS))
	$(if $(QEMU),@tools/run-suite $(CHECK)/echo-$(BOARD)$(BUILD_SUFFIX).log tools/echo-check $(RUN_REAL_TIME) $(DEMO))
	$(if $(VIRTIO_TESTS),@tools/run-suite $(CHECK)/virtio-$(BOARD)$(BUILD_SUFFIX).log tools/virtio-check $(RUN) $(VIRTIO_TESTS))
	$(if $(QEMU),@tools/run-suite $(CHECK)/overflow-$(BOARD)$(BUILD_SUFFIX).log \
		tools/expect-report overflow $(GUARD_STATUS) "$(GUARD_REPORT)" $(RUN) $(OVERFLOW))
	$(if $(QEMU),$(if $(LARGE_FRAME_CHECK),@tools/run-suite $(CHECK)/large-frame-$(BOARD)$(BUILD_SUFFIX).log \
		tools/expect-report large-frame $(GUARD_STATUS) "$(GUARD_REPORT)" $(RUN) $(LARGE_FRAME)))
	$(if $(QEMU),@tools/run-suite $(CHECK)/fault-$(BOARD)$(BUILD_SUFFIX).log \
		tools/expect-report fault 102 "$(FAULT_REPORT)" $(RUN) $(FAULT))
	$(if $(and $(QEMU),$(SD_TESTS)),@tools/run-suite $(CHECK)/sd-$(BOARD)$(BUILD_SUFFIX).log \
		tools/sd-check $(SD_IMAGE_TOOL) $(BUILD)/sd.img $(RUN) $(SD_TESTS))
	$(if $(and $(QEMU),$(EEPROM)),@tools/run-suite $(CHECK)/eeprom-$(BOARD)$(BUILD_SUFFIX).log \
		tools/eeprom-check $(EEPROM) $(EEPROM_IMAGES) $(RUN))
	$(if $(filter $(BOARD),$(GDB_CHECK_BOARDS)),@tools/run-suite $(CHECK)/gdb-$(BOARD)$(BUILD_SUFFIX).log $(RUN_GDB))
	$(if $(SOAK_IN_CHECK),@tools/run-suite $(CHECK)/soak-$(BOARD).log $(call RUN_SOAK,$(SOAK_CHECK_SWITCHES)) $(SOAK_CHECK))
	$(if $(QEMU_BOOT),@tools/run-suite $(CHECK)/boot-$(BOARD)$(BUILD_SUFFIX).log \
		tools/uart-feed target-tests/uart_input.txt "uart: waiting for input" $(RUN_BOOT) $(BOOT_TESTS))
	$(if $(QEMU_BOOT),@tools/run-suite $(CHECK)/boot-echo-$(BOARD)$(BUILD_SUFFIX).log tools/echo-check $(RUN_BOOT_REAL_TIME) $(BOOT_DEMO))

# FLASH_IMAGE: an image this build makes, or a file of one's own; under build/, nothing else (another
# board's or build's image would not be what this board runs).
FLASHABLE := $(DEMO) $(TESTS) $(SD_TESTS) $(SD_DEMO) $(EEPROM_IMAGES) $(MINIMAL) $(CORE_IMAGE) $(OVERFLOW) $(FAULT) $(LARGE_FRAME) $(if $(TARGET_BENCH_SRCS),$(SWITCH_COST)) \
             $(if $(QEMU),$(sort $(SOAK) $(SOAK_CHECK))) \
             $(filter %.hex,$(HEX_IMAGES))
ifeq ($(filter $(FLASH_IMAGE),$(FLASHABLE)),)
ifneq ($(words $(FLASH_IMAGE)),1)
$(error FLASH_IMAGE must name one image, not '$(FLASH_IMAGE)')
else ifeq ($(filter %.elf %.hex,$(FLASH_IMAGE)),)
$(error FLASH_IMAGE must be an .elf or .hex image, not '$(FLASH_IMAGE)')
else ifneq ($(filter build/%,$(FLASH_IMAGE)),)
$(error FLASH_IMAGE=$(FLASH_IMAGE) is not an image this build makes. $(BOARD)'s: $(FLASHABLE))
else ifeq ($(wildcard $(FLASH_IMAGE)),)
$(error FLASH_IMAGE=$(FLASH_IMAGE): no such file, and not an image $(BOARD) builds)
endif
endif
# DEBUG_IMAGE: the same, but an ELF file: gdb reads its symbols.
DEBUGGABLE := $(filter %.elf,$(FLASHABLE))
ifeq ($(filter $(DEBUG_IMAGE),$(DEBUGGABLE)),)
ifeq ($(filter %.elf,$(DEBUG_IMAGE)),)
$(error DEBUG_IMAGE must be one .elf image (gdb reads its symbols), not '$(DEBUG_IMAGE)')
endif
endif
$(call choice,DEBUG_LOAD,yes no)
ifneq ($(shell echo '$(DEBUG_PORT)' | grep -Eqx '[1-9][0-9]{0,4}' && [ $(DEBUG_PORT) -le 65535 ] && echo ok),ok)
$(error DEBUG_PORT must be a TCP port number, not '$(DEBUG_PORT)')
endif
endif
# DEBUG_IMAGE, on every board: one this build makes, or a file of one's own; under build/, nothing else.
ifeq ($(filter $(DEBUG_IMAGE),$(DEBUGGABLE)),)
ifneq ($(words $(DEBUG_IMAGE)),1)
$(error DEBUG_IMAGE must name one image, not '$(DEBUG_IMAGE)')
else ifneq ($(filter build/%,$(DEBUG_IMAGE)),)
$(error DEBUG_IMAGE=$(DEBUG_IMAGE) is not an image this build makes. $(BOARD)'s: $(DEBUGGABLE))
else ifeq ($(wildcard $(DEBUG_IMAGE)),)
$(error DEBUG_IMAGE=$(DEBUG_IMAGE): no such file, and not an image $(BOARD) builds)
endif
endif

# `make check` runs every suite of every board; `make check BOARD=x` only that board's. Each suite
# writes a log under build/check; tools/summary totals them all and sets the exit status.
ifeq ($(origin BOARD),command line)
CHECK_BOARDS := $(BOARD)
else
CHECK_BOARDS := host $(QEMU_BOARDS) $(REAL_BOARDS)
endif
check: setup
	@rm -rf $(CHECK) && mkdir -p $(CHECK)
	@for b in $(CHECK_BOARDS); do $(MAKE) --no-print-directory $(JOBS) BOARD=$$b suites || exit 1; done
	$(if $(filter command,$(origin BOARD)),,@echo "== e2k ==" && tools/check-e2k $(CHECK)/e2k.log || true)
	@tools/summary $(CHECK)/*.log

# The e2k port's assembly and its harness, with e2k tools where a user has them (tools/check-e2k:
# E2K_AS, E2K_LD, QEMU_E2K); without them, one line saying what was skipped.
check-e2k:
	@tools/check-e2k

clean:
	rm -rf build

help:
	@echo "make [NAME=value ...] [target]"
	@echo "targets:"
	@echo "  all      build the demo and tests (default)"
	@echo "  run      boot the demo"
	@echo "  check    run every suite of every board (only BOARD's when given) and print 'N passed, N failed'"
	@echo "  virtio   qemu-virt-rv32/-rv64: the virtio disk and entropy test with its throughput figures"
	@echo "  check-e2k  assemble the e2k port and run its harness, with e2k tools where present (E2K_AS, E2K_LD, QEMU_E2K)"
	@echo "  bench    run the benchmarks"
	@echo "  soak     BOARD=host: the model-based random test over SEEDS seeds (default 10000) from SEED;"
	@echo "           a QEMU board: its suites, then the soak workload for SWITCHES switches (default 10000000)"
	@echo "  fuzz     BOARD=host: the model's libFuzzer target (clang) for FUZZ_TIME seconds (default 600)"
	@echo "  flood    a QEMU board's UART flood alone: FLOOD_BYTES (default 1 MiB) through its echo, every byte accounted for"
	@echo "  size     ROM and RAM of the kernel alone and of the demo"
	@echo "  flash    load the demo onto a real board with openocd or dfu-util (installs them first)"
	@echo "  iso      a bootable CD or USB stick image of the demo, for a board that boots from one (pc-i386)"
	@echo "  debug    gdb on the demo (DEBUG_IMAGE) under QEMU, through openocd on a real board, or on the host, with weft coroutines and weft bt"
	@echo "  compdb   write compile_commands.json for editors"
	@echo "  clean    remove build/"
	@echo "inputs (an unknown value stops the build and names the known ones; values for $(BOARD) in []):"
	@echo "  BOARD=<board>        the board to build for (default qemu-mps2-an385)"
	@echo "  VARIANT=<variant>    plain; on the host also asan, ubsan, i386 (default plain) [$(VARIANTS)]"
	@echo "  STACK_GUARD=<guard>  canary; mpu or pmp where the core has one (default canary) [$(STACK_GUARDS)]"
	@echo "  FP_CONTROL=<fp>      save; on the host also skip, a faster switch (default save) [$(FP_CONTROLS)]"
	@echo "  TEST_STACK=<bytes>   stack per on-target test coroutine, a multiple of 16 (default 2048) [$(TEST_STACK)]"
	@echo "  FLASH_IMAGE=<file>   what flash loads: an image this board builds, or an .elf or .hex (default the demo)"
	@echo "  DEBUG_IMAGE=<file>   what debug runs: an image this board builds, or an .elf (default the demo)"
	@echo "  DEBUG_PORT=<port>    QEMU's gdb port for debug (default 1234); DEBUG_LOAD=no: attach to a real board without flashing"
	@echo "  OPT=<flags>          optimisation flags (default -Os on target boards, -O2 on the host) [$(OPT)]"
	@echo "  V=1                  show each command instead of a short line"
	@echo "  VARIANT, STACK_GUARD and FP_CONTROL build into their own directory; after changing OPT or TEST_STACK, make clean"
	@echo "boards: $(BOARDS)"

compdb:
	@ARCH=$(ARCH) tools/compdb "$(CXX) $(KERNEL_CXXFLAGS)" "$(CXX) $(APP_CXXFLAGS)" "$(CC) $(ASFLAGS)" "$(CC) $(CFLAGS)" > compile_commands.json
	@echo "wrote compile_commands.json"

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
