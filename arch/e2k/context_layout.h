/*
 * e2k (iset v3..v6, non-protected, 64-bit) port_context: what port_switch saves and
 * port_context_init fabricates. Macros only, so that both the .S files (run through
 * cpp -P -undef -x assembler-with-cpp) and C++ can include it.
 *
 * Every hardware register is kept as the raw 64-bit value rrd reads, so the switch
 * neither decodes nor re-encodes anything. Interrupt state (UPSR) is deliberately not
 * here: Weft treats the mask as the CPU's, carried through a switch (a coroutine that
 * yields masked leaves the scheduler masked, kernel/scheduler.cpp), as the x86 and RISC-V
 * ports do with IF and mstatus.MIE; port_switch masks only around its own critical part.
 */
#pragma once

#define CTX_CR0_LO   0x00  /* caller's predicate file                                 */
#define CTX_CR0_HI   0x08  /* return IP into port_switch's caller (fresh: trampoline) */
#define CTX_CR1_LO   0x10  /* caller's wbs/wpsz/wfx, PSR, CUIR                        */
#define CTX_CR1_HI   0x18  /* caller's BR and ussz (its USD.size / 16)                */
#define CTX_USD_LO   0x20  /* data stack: SP (base) + rw bits                         */
#define CTX_USD_HI   0x28  /* data stack: bytes free below SP                         */
#define CTX_SBR      0x30  /* data stack top                                          */
#define CTX_PSP_LO   0x38  /* procedure stack base + rw                               */
#define CTX_PSP_HI   0x40  /* procedure stack size and ind (after flushr)             */
#define CTX_PCSP_LO  0x48  /* chain stack base + rw                                   */
#define CTX_PCSP_HI  0x50  /* chain stack size and ind (after flushc)                 */
#define CTX_FPCR     0x58  /* u32: x87-style control (rounding, masks)                */
#define CTX_FPSR     0x5c  /* u32: x87-style sticky flags                             */
#define CTX_PFPFR    0x60  /* u32: scalar/packed IEEE control + flags                 */
                           /* 0x64: u32 padding                                       */
#define CTX_ENTRY    0x68  /* fresh contexts: entry(arg), read by the trampoline      */
#define CTX_ARG      0x70
                           /* 0x78: reserved                                          */
#define CTX_SIZE     0x80
#define CTX_ALIGN    16    /* 8 would do for ldd/std; 16 leaves room for quad moves   */

/* struct port_stack (arch/port.h) on LP64: lo, hi, canary, grows_up (bool), 32 bytes */
#define STK_LO       0x00
#define STK_HI       0x08
#define STK_SIZE     0x20

/* Names for C++ (arch/e2k/port_arch.h: struct alignas(PORT_E2K_CONTEXT_ALIGN) port_context
 * { uint64_t words[PORT_E2K_CONTEXT_SIZE / 8]; }), which has no use for the offsets. */
#define PORT_E2K_CONTEXT_SIZE   CTX_SIZE
#define PORT_E2K_CONTEXT_ALIGN  CTX_ALIGN
