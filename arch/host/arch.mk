# Host port: x86-64 Linux, GCC, GoogleTest and Google Benchmark from Debian.
CC  := gcc
CXX := g++
ARCH_SRCS := arch/host/port.cpp arch/host/fake_irq.cpp arch/host/switch_x86_64_sysv.S
ARCH_FLAGS :=

# make check builds the host three times: plain, under ASan and under UBSan.
VARIANTS := plain asan ubsan
SANITIZE_plain :=
SANITIZE_asan  := -fsanitize=address -fno-omit-frame-pointer
SANITIZE_ubsan := -fsanitize=undefined -fno-sanitize-recover=all
ARCH_FLAGS += $(SANITIZE_$(VARIANT))
