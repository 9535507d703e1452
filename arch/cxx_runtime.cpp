// The C++ runtime symbols compiled code may ask for, for ports that link no libsupc++ (Debian has
// none for riscv64-unknown-elf, and the bare-metal x86 boards link no C++ library). None allocates.
#include "port.h"

// A pure virtual function called through an object under construction or destruction.
extern "C" [[noreturn]] void __cxa_pure_virtual() { port_panic("pure virtual function called"); }
