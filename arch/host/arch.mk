# Host port: x86-64 Linux, GCC, GoogleTest and Google Benchmark from Debian; VARIANT=i386 builds the
# same suites as a 32-bit program (gcc-multilib), on the i386 switch.
CC  := gcc
CXX := g++

# FP_CONTROL=save (default) keeps MXCSR and the x87 control word per coroutine, as the ABI asks;
# FP_CONTROL=skip shares them between coroutines for a faster switch (docs/performance.md).
FP_CONTROLS := save skip
# The switches and first-switch trampolines are arch/x86's, shared with the bare-metal x86 ports;
# port.cpp wraps the x86-64 switch in AddressSanitizer's fiber annotations, which only the host needs.
SWITCH_save := arch/x86/switch_x86_64_sysv.S
SWITCH_skip := arch/x86/switch_x86_64_sysv_nofpctl.S
BUILD_SUFFIX := $(if $(filter skip,$(FP_CONTROL)),-fpskip)

ifeq ($(VARIANT),i386)
ifeq ($(FP_CONTROL),skip)
$(error host: VARIANT=i386 has no FP_CONTROL=skip switch; its switch keeps the control state)
endif
ARCH_SRCS := arch/host/port.cpp arch/host/fake_irq.cpp arch/host/context_i386.cpp arch/x86/start_i386_cdecl.S \
             arch/x86/switch_i386_cdecl.S
else
ARCH_SRCS := arch/host/port.cpp arch/host/fake_irq.cpp arch/host/context_x86_64.cpp arch/x86/start_x86_64_sysv.S \
             $(SWITCH_$(FP_CONTROL))
endif
ARCH_FLAGS := -DPORT_SAVES_FP_CONTROL=$(if $(filter save,$(FP_CONTROL)),1,0)

# make check builds the host under each sanitizer, as a 32-bit program, and once with FP_CONTROL=skip.
VARIANTS := plain asan ubsan i386

# Elbrus Linux, where the compiler (MCST's lcc) targets e2k: contexts are the kernel's
# (makecontext_e2k, swapcontext, freecontext_e2k, context_e2k.cpp), since user code may not write
# the procedure and chain stack registers. One variant: lcc has no sanitizers here, and the x86
# switches and their FP_CONTROL choice do not apply.
ifneq ($(findstring e2k,$(shell $(CXX) -dumpmachine 2>/dev/null)),)
ARCH_SRCS := arch/host/port.cpp arch/host/fake_irq.cpp arch/host/context_e2k.cpp
ARCH_FLAGS := -DPORT_SAVES_FP_CONTROL=1
FP_CONTROLS := save
BUILD_SUFFIX :=
VARIANTS := plain
endif
# The kernel's canary is the host's only stack guard.
STACK_GUARDS := canary
SANITIZE_asan  := -fsanitize=address -fno-omit-frame-pointer
SANITIZE_ubsan := -fsanitize=undefined -fno-sanitize-recover=all
SANITIZE_i386  := -m32
ARCH_FLAGS += $(SANITIZE_$(VARIANT))
RUN_ENV_asan := ASAN_OPTIONS=detect_stack_use_after_return=1
# The 32-bit tests run natively where the kernel can, under qemu-i386 elsewhere (tools/run-i386).
RUN_ENV_i386 := tools/run-i386
# Debian's GoogleTest is built for x86-64 only: the i386 build compiles its own from the sources
# Debian ships with it (/usr/src/googletest, from libgtest-dev).
GTEST_SRC := /usr/src/googletest/googletest
GTEST_LIBS_i386 = $(BUILD)/gtest/libgtest.a
