# Host port: x86-64 Linux, GCC, GoogleTest and Google Benchmark from Debian.
CC  := gcc
CXX := g++

# FP_CONTROL=save (default) keeps MXCSR and the x87 control word per coroutine, as the ABI asks;
# FP_CONTROL=skip shares them between coroutines for a faster switch (docs/performance.md).
FP_CONTROLS := save skip
# The x86-64 System V switch and first-switch trampoline are arch/x86's, shared with any x86-64 port;
# port.cpp wraps the switch in AddressSanitizer's fiber annotations, which only the host needs.
SWITCH_save := arch/x86/switch_x86_64_sysv.S
SWITCH_skip := arch/x86/switch_x86_64_sysv_nofpctl.S
BUILD_SUFFIX := $(if $(filter skip,$(FP_CONTROL)),-fpskip)

ARCH_SRCS := arch/host/port.cpp arch/host/fake_irq.cpp arch/x86/start_x86_64_sysv.S $(SWITCH_$(FP_CONTROL))
ARCH_FLAGS := -DPORT_SAVES_FP_CONTROL=$(if $(filter save,$(FP_CONTROL)),1,0)

# make check builds the host under each sanitizer, and once with FP_CONTROL=skip.
VARIANTS := plain asan ubsan
# The kernel's canary is the host's only stack guard.
STACK_GUARDS := canary
SANITIZE_asan  := -fsanitize=address -fno-omit-frame-pointer
SANITIZE_ubsan := -fsanitize=undefined -fno-sanitize-recover=all
ARCH_FLAGS += $(SANITIZE_$(VARIANT))
RUN_ENV_asan := ASAN_OPTIONS=detect_stack_use_after_return=1
