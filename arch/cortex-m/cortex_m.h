// Cortex-M system registers and the port's internal entry points, shared by port, start-up and faults.
#pragma once

#include <stdint.h>

namespace cortex_m {

inline volatile uint32_t& reg(uintptr_t address) { return *reinterpret_cast<volatile uint32_t*>(address); }

inline constexpr uintptr_t syst_csr = 0xE000E010;  // SysTick control and status
inline constexpr uintptr_t syst_rvr = 0xE000E014;  // reload value
inline constexpr uintptr_t syst_cvr = 0xE000E018;  // current value
inline constexpr uintptr_t icsr = 0xE000ED04;      // interrupt control and state
inline constexpr uintptr_t shpr3 = 0xE000ED20;     // system handler priorities: SysTick, PendSV
inline constexpr uintptr_t shcsr = 0xE000ED24;     // system handler control and state
inline constexpr uintptr_t cfsr = 0xE000ED28;      // configurable fault status (not on ARMv6-M)
inline constexpr uintptr_t hfsr = 0xE000ED2C;      // hard fault status (not on ARMv6-M)
inline constexpr uintptr_t mmfar = 0xE000ED34;     // memory management fault address
inline constexpr uintptr_t bfar = 0xE000ED38;      // bus fault address
inline constexpr uintptr_t mpu_ctrl = 0xE000ED94;  // MPU control (ARMv7-M)
inline constexpr uintptr_t mpu_rnr = 0xE000ED98;   // MPU region number
inline constexpr uintptr_t mpu_rbar = 0xE000ED9C;  // MPU region base address
inline constexpr uintptr_t mpu_rasr = 0xE000EDA0;  // MPU region attribute and size

inline constexpr uint32_t icsr_pendstset = 1u << 26;

// Exit statuses that tell a panic and a fault apart from main()'s own return values.
inline constexpr int exit_panic = 101;
inline constexpr int exit_fault = 102;

// Starts the board's time source (TIME in board.mk, arch.mk); start-up calls it before constructors run.
void timer_start();

// The time source's count, in ticks of PORT_TICK_HZ; call with interrupts masked.
uint64_t time_now();

}  // namespace cortex_m
