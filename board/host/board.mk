# The host: the kernel in an ordinary Linux process, for tests, the demo and benchmarks.
ARCH := host
BOARD_SRCS := board/host/board.cpp
