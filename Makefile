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

.PHONY: all run check bench bench-one suite clean help compdb setup
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
TEST_SRCS := $(wildcard host-tests/*.cpp)

all: $(DEMO) $(TESTS)

$(DEMO): $(CORE_OBJS) $(call obj,demo/main.cpp)
	$(CXX) $(ARCH_FLAGS) $^ -o $@

$(TESTS): $(CORE_OBJS) $(call obj,$(TEST_SRCS))
	$(CXX) $(ARCH_FLAGS) $^ -lgtest -lgtest_main -lpthread -o $@

$(BENCH): $(CORE_OBJS) $(call obj,bench/host_bench.cpp)
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
	@tools/no-heap $(CORE_OBJS) > $(CHECK)/no-heap-$(VARIANT)$(BUILD_SUFFIX).log
	@cat $(CHECK)/no-heap-$(VARIANT)$(BUILD_SUFFIX).log
	@tools/run-suite $(CHECK)/host-$(VARIANT)$(BUILD_SUFFIX).log env $(RUN_ENV_$(VARIANT)) $(TESTS)
endif

clean:
	rm -rf build

help:
	@echo "make [BOARD=<board>] <target>"
	@echo "  all      build the demo and tests (default)"
	@echo "  run      boot the demo"
	@echo "  check    run every test suite and print 'N passed, N failed'"
	@echo "  bench    run the benchmarks"
	@echo "  compdb   write compile_commands.json for editors"
	@echo "  clean    remove build/"
	@echo "boards: $(BOARDS)"

compdb:
	@tools/compdb "$(CXX) $(KERNEL_CXXFLAGS)" "$(CXX) $(APP_CXXFLAGS)" "$(CC) $(ASFLAGS)" > compile_commands.json
	@echo "wrote compile_commands.json"

-include $(shell find build/$(BOARD)/$(VARIANT) -name '*.d' 2>/dev/null)
