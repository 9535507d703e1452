// ARM semihosting: requests to the debugger or emulator (QEMU with -semihosting-config enable=on).
// Without one attached, the request is a breakpoint with no debugger: a fault, or a locked-up core.
#pragma once

// Ends the session with `code` as the emulator's exit status (SYS_EXIT_EXTENDED).
[[noreturn]] void semihosting_exit(int code);
