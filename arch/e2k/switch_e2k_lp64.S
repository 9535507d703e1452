/*
 * port_switch(port_context* from = %dr0, port_context* to = %dr1) and port_switch_final,
 * e2k iset v3..v6, privileged (bare-metal) mode, 64-bit non-protected C ABI.
 * Assemble after cpp -P -undef -x assembler-with-cpp (context_layout.h).
 *
 * A suspended context is not a frame on one stack but three stack pointers plus the one
 * chain frame that lives in registers. Inside port_switch, after the flushes (each column
 * drawn in the direction its stack grows):
 *
 *   chain stack, PCSP (grows up)     procedure stack, PSP (up)     data stack (grows down)
 *   base -> [ oldest frames ...   ]  base -> [ oldest windows ]    SBR -> [ callers' data ]
 *           [ caller -> its caller]          [ caller's wbs q]           [ caller's frame]
 *   +ind -> (free)                   +ind -> (free)                SP  -> (free: USD.size)
 *
 *   CR0/CR1 (registers, not memory): the frame "port_switch -> its caller": CR0.hi return
 *   IP, CR0.lo the caller's predicates, CR1.lo its wbs/wpsz/PSR, CR1.hi its BR and ussz.
 *   SP = USD.base is the caller's SP: port_switch allocates no data stack.
 *
 *   port_context = CR0/CR1 + USD, SBR, PSP, PCSP + FPCR/FPSR/PFPFR (context_layout.h).
 *   Resuming = writing them back and `return`: the hardware pops that frame, FILLs the
 *   caller's wbs quads from the top of PS and rebuilds SP from ussz. In the e2k ABI only the
 *   caller's window below wbs survives a call, and that is exactly what comes back, so no
 *   register is saved by hand. Globals are not switched (none is per-coroutine in Weft).
 *
 *   A fresh context (port_context_init) looks suspended in a call that returns to
 *   weft_e2k_start with wbs = 0 (nothing to FILL); that return hands it %dr0 = to.
 *
 * Interrupts (UPSR.ie/nmie) are the CPU's, not the context's: the caller's UPSR comes back
 * unchanged at the end, so the mask state passes through the switch as Weft expects.
 */
#include "context_layout.h"

#define UPSR_IRQS 0xa0          /* UPSR.ie | UPSR.nmie */

	.text
	.align 8
	.global port_switch
	.global port_switch_final
	.type   port_switch, @function
	.type   port_switch_final, @function
port_switch:
port_switch_final:              /* saving into *from costs a few stores; one body is simpler */
	/* 16 quads: >= the 4 quads of parameters a C call leaves us, room for all of *to. */
	{ setwd wsz = 0x10, nfx = 0x1 }

	/* Nothing may interrupt between the first stack-register write and the return (the
	 * stacks would disagree with the CRs), NMIs included, as Linux's "all" masking does.
	 * Braceless rw: gas adds the nop 5 the architecture wants after a UPSR write. */
	rrd   %upsr, %dr2
	andnd %dr2, UPSR_IRQS, %dr3
	rwd   %dr3, %upsr

	rrs   %fpcr, %r4
	rrs   %fpsr, %r5
	rrs   %pfpfr, %r6
	{ stw %r4, [%dr0 + CTX_FPCR] ; stw %r5, [%dr0 + CTX_FPSR] }
	stw   %r6, [%dr0 + CTX_PFPFR]

	/* All of *to now: a load may fault, and once the stack registers are being written
	 * nothing may raise an exception (Linux e2k_api.h, "Scheduling 1.1.1"). */
	{ ldd [%dr1 + CTX_CR0_LO], %dr16  ; ldd [%dr1 + CTX_CR0_HI], %dr17
	  ldd [%dr1 + CTX_CR1_LO], %dr18  ; ldd [%dr1 + CTX_CR1_HI], %dr19 }
	{ ldd [%dr1 + CTX_USD_LO], %dr20  ; ldd [%dr1 + CTX_USD_HI], %dr21
	  ldd [%dr1 + CTX_SBR], %dr22     ; ldd [%dr1 + CTX_PSP_LO], %dr23 }
	{ ldd [%dr1 + CTX_PSP_HI], %dr24  ; ldd [%dr1 + CTX_PCSP_LO], %dr25
	  ldd [%dr1 + CTX_PCSP_HI], %dr26 ; ldw [%dr1 + CTX_FPCR], %r27 }
	{ ldw [%dr1 + CTX_FPSR], %r28     ; ldw [%dr1 + CTX_PFPFR], %r29 }

	/* FP control is no stack state: installed here, outside the critical part, so that a
	 * flag/mask combination cannot bring an FP exception into its shadow. */
	rws   %r27, %fpcr
	rws   %r28, %fpsr
	rws   %r29, %pfpfr

	/* Spill every window but ours and every chain frame but the current (the CRs) to
	 * memory, so that PSHTP = PCSHTP = 0 and ind covers everything. Linux's idiom and
	 * spacing; no rr shares a wide instruction with a flush. */
	{ nop 2 }
	{ flushc ; nop 3 }
	{ flushr }

	/* Save from. PSP/PCSP last: their reads wait for the spill to finish. */
	rrd   %cr0.lo, %dr4
	rrd   %cr0.hi, %dr5
	rrd   %cr1.lo, %dr6
	rrd   %cr1.hi, %dr7
	rrd   %usd.lo, %dr8
	rrd   %usd.hi, %dr9
	rrd   %sbr, %dr10
	rrd   %psp.lo, %dr11
	rrd   %psp.hi, %dr12
	rrd   %pcsp.lo, %dr13
	rrd   %pcsp.hi, %dr14
	{ std %dr4, [%dr0 + CTX_CR0_LO]   ; std %dr5, [%dr0 + CTX_CR0_HI] }
	{ std %dr6, [%dr0 + CTX_CR1_LO]   ; std %dr7, [%dr0 + CTX_CR1_HI] }
	{ std %dr8, [%dr0 + CTX_USD_LO]   ; std %dr9, [%dr0 + CTX_USD_HI] }
	{ std %dr10, [%dr0 + CTX_SBR]     ; std %dr11, [%dr0 + CTX_PSP_LO] }
	{ std %dr12, [%dr0 + CTX_PSP_HI]  ; std %dr13, [%dr0 + CTX_PCSP_LO] }
	std   %dr14, [%dr0 + CTX_PCSP_HI]

	/* Install to: register moves only from here to the return. Linux's order (SBR/USD,
	 * PSP, PCSP, CRs; each stack hi before lo). SBR, USD.lo, USD.hi, USD.lo is one of the
	 * two sequences valid under hardware bug #129848 (USD.hi alignment depends on the
	 * current USD.lo). Braceless, so gas puts nop 5 (and wait all_e = 1 for USD, PSP and
	 * PCSP) after each write, as Embox relies on. */
	rwd   %dr22, %sbr
	rwd   %dr20, %usd.lo
	rwd   %dr21, %usd.hi
	rwd   %dr20, %usd.lo
	rwd   %dr24, %psp.hi
	rwd   %dr23, %psp.lo
	rwd   %dr26, %pcsp.hi
	rwd   %dr25, %pcsp.lo
	rwd   %dr16, %cr0.lo
	rwd   %dr17, %cr0.hi
	rwd   %dr18, %cr1.lo
	rwd   %dr19, %cr1.hi
	/* Linux's closed form: four more instructions in the shadow of the CR/PCSP writes
	 * before anything (here: interrupts) may cause an exception. */
	{ nop }
	{ nop }
	{ nop }
	{ nop }
	rwd   %dr2, %upsr

	/* return reads CR0.hi now, so only after the CR writes; %dr0 = to reaches a fresh
	 * context's trampoline (wbs = 0: our %dr0 becomes its %dr0) and is ignored otherwise. */
	{ return %ctpr3 ; addd 0x0, %dr1, %dr0 }
	{ ct %ctpr3 }
	.size port_switch, .-port_switch
	.size port_switch_final, .-port_switch_final

/*
 * weft_e2k_start: where the first switch into a fresh context returns, with %dr0 = its
 * port_context. A real call of entry(arg) gives entry an ordinary frame: its own chain
 * frame, a 4-quad parameter area, CRs and ussz set by the hardware, whatever lcc assumes.
 */
	.align 8
	.global weft_e2k_start
	.hidden weft_e2k_start
	.type   weft_e2k_start, @function
weft_e2k_start:
	{ setwd wsz = 0x8, nfx = 0x1 ; setbn rsz = 0x3, rbs = 0x4, rcur = 0x0 }
	{ ldd [%dr0 + CTX_ENTRY], %dr2 ; ldd [%dr0 + CTX_ARG], %db[0] }
	movtd %dr2, %ctpr1
	call  %ctpr1, wbs = 0x4
	/* entry must not return; the contract has the port's panic for a broken promise. */
	{ disp %ctpr1, port_panic ; addd 0x0, [ entry_returned ], %db[0] }
	call  %ctpr1, wbs = 0x4
	.size weft_e2k_start, .-weft_e2k_start

	.section .rodata
entry_returned:
	.asciz "e2k: a coroutine's entry function returned"
