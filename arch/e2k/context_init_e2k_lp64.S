/*
 * port_context_init(port_context* ctx = %dr0, const port_stack* stacks = %dr1,
 *                   void (*entry)(void*) = %dr2, void* arg = %dr3), e2k iset v3..v6.
 *
 * Makes ctx look suspended inside a call whose return lands in weft_e2k_start
 * (switch_e2k_lp64.S), which then calls entry(arg):
 *
 *   data stack  [lo0, hi0): SBR = hi0; SP = hi0 - 64, the 64 bytes above it being the
 *               parameter (home) area of the trampoline's call, as in Linux kernel threads;
 *               USD.size = SP - lo0 (free below SP); rw/p bits copied from the current USD.
 *   proc. stack [lo1, hi1): ind 0. The first return has wbs = 0, so nothing is FILLed and
 *               no iset-specific spill layout (v3/v4 vs v5+) has to be fabricated.
 *   chain stack [lo2, hi2): ind 32 over one bottom frame {IP 0, this PSR, wbs 0}, popped into
 *               the CRs by the first return and used only if the trampoline itself returned.
 *   CRs         CR0.hi = weft_e2k_start; CR1.lo = current PSR, current CUIR (cui + ic on
 *               <= v5: copying avoids choosing between Linux's and Embox's values), wpsz = 4
 *               (the trampoline's parameter area), wbs = 0, wfx = 0; CR1.hi.ussz = USD.size/16
 *               so the return leaves SP = USD.base - USD.size + ussz*16 = hi0 - 64; BR = 0.
 *   FP control  the creator's, as a new thread inherits it.
 * All bounds are taken as 4 KiB aligned (the kernel carves them so).
 */
#include "context_layout.h"

#define DS_RESERVE  64
#define STACK_RW    0x1800000000000000      /* PSP/PCSP.lo rw = 3 (bits 60:59) */
#define VA_MASK     0x0000ffffffffffff      /* base [47:0] */
#define CUIR_MASK   0x01ffff0000000000      /* CR1.lo cuir [56:40] */
#define CR1_WPSZ_4  (4 << 26)

	.text
	.align 8
	.global port_context_init
	.type   port_context_init, @function
port_context_init:
	{ setwd wsz = 0x10, nfx = 0x1
	  ldd [%dr1 + STK_LO], %dr4                 ; ldd [%dr1 + STK_HI], %dr5
	  ldd [%dr1 + STK_SIZE + STK_LO], %dr6      ; ldd [%dr1 + STK_SIZE + STK_HI], %dr7 }
	{ ldd [%dr1 + 2 * STK_SIZE + STK_LO], %dr8  ; ldd [%dr1 + 2 * STK_SIZE + STK_HI], %dr9 }
	rrd   %usd.lo, %dr10
	rrd   %cr1.lo, %dr11
	rrd   %psr, %dr12
	rrs   %fpcr, %r13
	rrs   %fpsr, %r14
	rrs   %pfpfr, %r15

	/* data stack: %dr16 = SP, %dr17 = free size, USD.lo, USD.hi, ussz in place */
	subd  %dr5, DS_RESERVE, %dr16
	subd  %dr16, %dr4, %dr17
	andnd %dr10, VA_MASK, %dr10
	ord   %dr10, %dr16, %dr18
	shld  %dr17, 32, %dr19
	shrd  %dr17, 4, %dr20
	shld  %dr20, 36, %dr20
	{ std %dr5, [%dr0 + CTX_SBR]  ; std %dr18, [%dr0 + CTX_USD_LO] }
	{ std %dr19, [%dr0 + CTX_USD_HI] ; std %dr20, [%dr0 + CTX_CR1_HI] }

	/* procedure and chain stacks */
	subd  %dr7, %dr6, %dr21
	shld  %dr21, 32, %dr21
	ord   %dr6, STACK_RW, %dr22
	subd  %dr9, %dr8, %dr23
	shld  %dr23, 32, %dr23
	ord   %dr23, 32, %dr23
	ord   %dr8, STACK_RW, %dr24
	{ std %dr22, [%dr0 + CTX_PSP_LO]  ; std %dr21, [%dr0 + CTX_PSP_HI] }
	{ std %dr24, [%dr0 + CTX_PCSP_LO] ; std %dr23, [%dr0 + CTX_PCSP_HI] }

	/* CRs: %dr12 = PSR in CR1.lo position, %dr11 = CUIR, %dr25 = CR1.lo */
	shld  %dr12, 57, %dr12
	andd  %dr11, CUIR_MASK, %dr11
	ord   %dr11, %dr12, %dr25
	ord   %dr25, CR1_WPSZ_4, %dr25
	addd  0x0, [ weft_e2k_start ], %dr26
	{ std %dr25, [%dr0 + CTX_CR1_LO] ; std %dr26, [%dr0 + CTX_CR0_HI] }
	{ std %dr12, [%dr8 + 16] ; addd 0x0, 0x0, %dr27 }
	{ std %dr27, [%dr0 + CTX_CR0_LO] ; std %dr27, [%dr8 + 0] }
	{ std %dr27, [%dr8 + 8] ; std %dr27, [%dr8 + 24] }

	{ stw %r13, [%dr0 + CTX_FPCR] ; stw %r14, [%dr0 + CTX_FPSR] }
	{ stw %r15, [%dr0 + CTX_PFPFR] ; std %dr2, [%dr0 + CTX_ENTRY] }
	{ std %dr3, [%dr0 + CTX_ARG] ; return %ctpr3 }
	{ ct %ctpr3 }
	.size port_context_init, .-port_context_init
