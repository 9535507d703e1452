// STACK_GUARD=mpu: MPU region 7, 32 bytes, no access for anyone, never executable, is the guard of
// the running context, and the switch moves it (switch_arm_v7m_mpu_aapcs.S and the FPU variant).
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
    reg(mpu_rnr) = 7;
    reg(mpu_rbar) = (reinterpret_cast<uintptr_t>(__main_stack_bottom) + PORT_MPU_GUARD_BYTES - 1) &
                    ~uintptr_t{PORT_MPU_GUARD_BYTES - 1};
    reg(mpu_rasr) = 1u << 28 | 0u << 24 | 4u << 1 | 1u;  // XN, AP=000: no access, SIZE=2^(4+1), ENABLE
    reg(shcsr) |= 1u << 16;                              // MemManage faults, not HardFault
    reg(mpu_ctrl) = 1u << 2 | 1u;                        // PRIVDEFENA, ENABLE
    __asm__ volatile("dsb\n\tisb" ::: "memory");
}
