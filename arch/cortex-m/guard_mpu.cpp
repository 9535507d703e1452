// STACK_GUARD=mpu: MPU region 7, PORT_MPU_REGION_BYTES with its lowest subregion left out, no
// access for anyone, never executable, is the guard of the running context, and the switch moves
// it (switch_arm_v7m_mpu_aapcs.S and the FPU variant). Every context's region has the same size and
// subregions, so a switch writes only its base.
#include "cortex_m.h"
#include "guard.h"

using namespace cortex_m;

extern "C" char __main_stack_bottom[];

// The context running at start is not a coroutine; its guard is the bottom of the main stack, where
// nothing but an overflow of main() goes: the handler stack lies below it. Vector fetches use the
// default memory map whatever the MPU says, so no place of the region can stop an exception; data
// reads of the vector table, or of anything else that is not a stack, are another matter, which is
// why the region starts on a stack.
void guard_start() {
    static_assert((PORT_MPU_REGION_BYTES & (PORT_MPU_REGION_BYTES - 1)) == 0 && PORT_MPU_REGION_BYTES >= 256,
                  "an ARMv7-M region with subregions is a power of two of at least 256 bytes");
    constexpr uint32_t size_field = __builtin_ctz(PORT_MPU_REGION_BYTES) - 1;  // SIZE: 2^(SIZE+1) bytes
    reg(mpu_rnr) = 7;
    reg(mpu_rbar) = (reinterpret_cast<uintptr_t>(__main_stack_bottom) + PORT_MPU_REGION_BYTES - 1) &
                    ~uintptr_t{PORT_MPU_REGION_BYTES - 1};
    // XN, AP=000: no access, SRD: the lowest subregion (the canary's) is not the region's, ENABLE.
    reg(mpu_rasr) = 1u << 28 | 0u << 24 | 1u << 8 | size_field << 1 | 1u;
    reg(shcsr) |= 1u << 16;      // MemManage faults, not HardFault
    reg(mpu_ctrl) = 1u << 2 | 1u;  // PRIVDEFENA, ENABLE
    __asm__ volatile("dsb\n\tisb" ::: "memory");
}
