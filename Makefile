# Weft. BOARD= is the only input: `make help` lists targets and boards.
BOARD ?= host
VARIANT ?= plain

BOARDS := $(sort $(patsubst board/%/board.mk,%,$(wildcard board/*/board.mk)))
ifeq ($(filter $(BOARD),$(BOARDS)),)
$(error unknown BOARD '$(BOARD)'. Known boards: $(BOARDS))
endif

include board/$(BOARD)/board.mk
include arch/$(ARCH)/arch.mk

BUILD := build/$(BOARD)/$(VARIANT)$(BUILD_SUFFIX)
OBJ := $(BUILD)/obj

KERNEL_SRCS := $(wildcard kernel/*.cpp)
CORE_SRCS := $(KERNEL_SRCS) $(ARCH_SRCS) $(BOARD_SRCS)
INCLUDES := -Ikernel -Iarch -Iarch/$(ARCH) -Iboard/$(BOARD)

WARNINGS := -Wall -Wextra -Werror
CXXSTD := -std=c++20
OPT ?= -O2
COMMON := $(OPT) -g $(WARNINGS) $(ARCH_FLAGS) $(INCLUDES) -MMD -MP
# The kernel and ports are built as firmware is, even on the host.
KERNEL_CXXFLAGS := $(CXXSTD) $(COMMON) -fno-exceptions -fno-rtti
APP_CXXFLAGS := $(CXXSTD) $(COMMON)
ASFLAGS := $(COMMON)

obj = $(patsubst %,$(OBJ)/%.o,$(1))
CORE_OBJS := $(call obj,$(CORE_SRCS))

.PHONY: all run check bench bench-one suite qemu-check clean help compdb setup
.DEFAULT_GOAL := all

setup:
	@tools/setup

$(OBJ)/kernel/%.cpp.o $(OBJ)/arch/%.cpp.o $(OBJ)/board/%.cpp.o: CXXFLAGS_FOR = $(KERNEL_CXXFLAGS)
$(OBJ)/%.cpp.o: %.cpp
	@mkdir -p $(@D)
	$(CXX) $(or $(CXXFLAGS_FOR),$(APP_CXXFLAGS)) -c $< -o $@

$(OBJ)/%.S.o: %.S
	@mkdir -p $(@D)
	$(CC) $(ASFLAGS) -c $< -o $@

JOBS := -j$(shell nproc 2>/dev/null || echo 2)
CHECK := build/check

ifeq ($(ARCH),host)
DEMO := $(BUILD)/demo
TESTS := $(BUILD)/tests
BENCH := $(BUILD)/bench
TEST_SRCS := $(wildcard host-tests/*.cpp host-tests/shared/*.cpp)
# The QEMU compatibility layer: kernel code (kernel flags via the pattern above), host-tested.
COMPAT_OBJS := $(call obj,$(wildcard kernel/compat/qemu/*.cpp))
$(COMPAT_OBJS): KERNEL_CXXFLAGS += -Ikernel/compat/qemu
$(call obj,$(TEST_SRCS)): APP_CXXFLAGS += -Ikernel/compat/qemu -Ihost-tests/shared

all: $(DEMO) $(TESTS)

$(DEMO): $(CORE_OBJS) $(call obj,demo/main.cpp)
	$(CXX) $(ARCH_FLAGS) $^ -o $@

$(TESTS): $(CORE_OBJS) $(COMPAT_OBJS) $(call obj,$(TEST_SRCS))
	$(CXX) $(ARCH_FLAGS) $^ -lgtest -lgtest_main -lpthread -o $@

$(BENCH): $(CORE_OBJS) $(call obj,$(wildcard bench/host/*.cpp))
	$(CXX) $(ARCH_FLAGS) $^ -lbenchmark -lboost_context -lpthread -o $@

run:
	@tools/setup
	@$(MAKE) --no-print-directory $(JOBS) $(DEMO)
	@$(DEMO)

# Once per FP_CONTROL setting; each run measures its own peers.
bench:
	@tools/setup
	@for fp in save skip; do \
	    $(MAKE) --no-print-directory $(JOBS) FP_CONTROL=$$fp bench-one || exit 1; done

bench-one: $(BENCH)
	@echo "== host benchmark, FP_CONTROL=$(FP_CONTROL) =="
	@$(BENCH)

# Every suite writes a log under build/check; tools/summary totals them and sets the exit status.
check:
	@tools/setup
	@rm -rf $(CHECK) && mkdir -p $(CHECK)
	@for v in $(VARIANTS); do $(MAKE) --no-print-directory $(JOBS) VARIANT=$$v suite || exit 1; done
	@$(MAKE) --no-print-directory $(JOBS) FP_CONTROL=skip suite
	@echo "== build =="
	@tools/run-suite $(CHECK)/build.log tools/build-tests
	@tools/summary $(CHECK)/*.log

suite: $(TESTS)
	@echo "== host: $(VARIANT)$(BUILD_SUFFIX) =="
	@tools/no-heap $(CORE_OBJS) $(COMPAT_OBJS) > $(CHECK)/no-heap-$(VARIANT)$(BUILD_SUFFIX).log
	@cat $(CHECK)/no-heap-$(VARIANT)$(BUILD_SUFFIX).log
	@tools/run-suite $(CHECK)/host-$(VARIANT)$(BUILD_SUFFIX).log env $(RUN_ENV_$(VARIANT)) $(TESTS)
else
# A target board: the demo and the on-target tests as firmware images, each run under QEMU.
DEMO := $(BUILD)/demo.elf
TESTS := $(BUILD)/target_tests.elf
TARGET_TEST_SRCS := $(wildcard target-tests/*.cpp)
# Everything in an image is firmware: built as the kernel is.
KERNEL_CXXFLAGS += $(ARCH_CXXFLAGS)
APP_CXXFLAGS := $(KERNEL_CXXFLAGS)
$(OBJ)/drivers/%.cpp.o: CXXFLAGS_FOR = $(KERNEL_CXXFLAGS)
RUN := timeout 10 $(QEMU) $(QEMU_FLAGS) -kernel

# A board with too little RAM for the demo sets BOARD_DEMO := no.
IMAGES := $(if $(filter no,$(BOARD_DEMO)),,$(DEMO)) $(TESTS)

all: $(IMAGES)
	@$(SIZE) $^

$(DEMO): $(CORE_OBJS) $(call obj,demo/main.cpp)
$(TESTS): $(CORE_OBJS) $(call obj,$(TARGET_TEST_SRCS))
$(DEMO) $(TESTS): linker/cortex_m.ld $(MEMORY)
	$(CXX) $(ARCH_FLAGS) $(ARCH_LDFLAGS) -Wl,-Map=$@.map $(filter %.o,$^) -o $@
	@NM=$(NM) tools/no-heap-image $@ > /dev/null || NM=$(NM) tools/no-heap-image $@

ifeq ($(BOARD_DEMO),no)
run:
	@echo "the demo does not fit $(BOARD); 'make check BOARD=$(BOARD)' runs the on-target tests"; exit 1
else
run: $(DEMO)
	$(RUN) $(DEMO)
endif

bench:
	@echo "no benchmarks on $(BOARD) yet"

check:
	@mkdir -p $(CHECK)
	@$(MAKE) --no-print-directory $(JOBS) suite
	@tools/summary $(CHECK)/no-heap-$(BOARD).log $(CHECK)/$(BOARD).log

suite: $(IMAGES)
	@echo "== $(BOARD) =="
	@{ NM=$(NM) tools/no-heap $(CORE_OBJS); NM=$(NM) tools/no-heap-image $(IMAGES); } \
		> $(CHECK)/no-heap-$(BOARD).log; cat $(CHECK)/no-heap-$(BOARD).log
	@tools/run-suite $(CHECK)/$(BOARD).log $(RUN) $(TESTS)
endif

# Every QEMU board's suite, whatever BOARD is.
QEMU_BOARDS := $(filter qemu-%,$(BOARDS))
qemu-check:
	@mkdir -p $(CHECK) && rm -f $(CHECK)/qemu-*.log $(CHECK)/no-heap-qemu-*.log
	@for b in $(QEMU_BOARDS); do $(MAKE) --no-print-directory BOARD=$$b suite || exit 1; done
	@tools/summary $(foreach b,$(QEMU_BOARDS),$(CHECK)/no-heap-$(b).log $(CHECK)/$(b).log)

clean:
	rm -rf build

help:
	@echo "make [BOARD=<board>] <target>"
	@echo "  all      build the demo and tests (default)"
	@echo "  run      boot the demo"
	@echo "  check    run every test suite and print 'N passed, N failed'"
	@echo "  qemu-check  build and run the on-target tests of every QEMU board"
	@echo "  bench    run the benchmarks"
	@echo "  compdb   write compile_commands.json for editors"
	@echo "  clean    remove build/"
	@echo "boards: $(BOARDS)"

compdb:
	@tools/compdb "$(CXX) $(KERNEL_CXXFLAGS)" "$(CXX) $(APP_CXXFLAGS)" "$(CC) $(ASFLAGS)" > compile_commands.json
	@echo "wrote compile_commands.json"

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
