/*
 * Pure-assembly test of port_switch / port_context_init, e2k Linux user mode (QEMU).
 *
 * main -> A, then A -> B -> A ... ROUNDS round trips, then A -> main (port_switch_final).
 * Every switch goes through sw_check, reached through `level` frames (main: 4 deep, A: 3,
 * B: 5, so the three chain stacks are at different depths), and checks:
 *   window registers of the frame that calls port_switch, and of every level frame,
 *   the data stack pointer around the switch and around each nested call,
 *   UPSR passing through port_switch unchanged (interrupt masking is the CPU's),
 *   SBR and the PSP/PCSP bases (the .lo words) around the switch,
 *   data stack contents of every level frame, FPCR/FPSR/PFPFR (each context has its own),
 *   each coroutine's counter (memory vs. its loop register) and the interleaving order,
 *   the argument, SP and FP state a fresh context starts with.
 * Exit status: 0 ok, else the first failure's kind (FAIL_* below), with a message on fd 2.
 * With QEMU_CR_MIRROR, see qemu_mirror: the one accommodation for qemu-e2k's model.
 *
 * Every function here has the C ABI's shape: 16-quad window, outgoing arguments in
 * %db[0..7] at quad 12, callee parameter size 4 quads, like lcc code would.
 */
#include "context_layout.h"

#ifndef ROUNDS
#define ROUNDS 10000
#endif

#define FAIL_WINDOW 1   /* a window register of port_switch's caller changed */
#define FAIL_SP     2   /* data stack pointer wrong after a switch / call, or at entry */
#define FAIL_FRAME  3   /* a window register of an outer (nested) frame changed */
#define FAIL_COUNT  4   /* a coroutine counter or the switch order is wrong */
#define FAIL_FP     5   /* FPCR/FPSR/PFPFR not the context's own */
#define FAIL_DATA   6   /* data stack contents of a frame changed */
#define FAIL_ARG    7   /* a fresh context got a wrong argument */
#define FAIL_ORDER  8   /* control came back where it must not */
#define FAIL_PANIC  9   /* port_panic was called */
#define FAIL_UPSR  10   /* UPSR (interrupt mask) did not pass through the switch */
#define FAIL_STACKS 11  /* SBR, PSP.lo or PCSP.lo (stack bases) not the context's own */

/* per-coroutine descriptor, entry(arg)'s arg */
#define D_MAGIC  0x00
#define D_CTX    0x08   /* own context */
#define D_PEER   0x10   /* context the loop switches to */
#define D_PEERD  0x18   /* peer's descriptor */
#define D_DSHI   0x20   /* top of own data stack */
#define D_DEPTH  0x28   /* level frames between the loop and sw_check */
#define D_DELTA  0x30   /* peer's count - own count after each switch back */
#define D_FINAL  0x38   /* context to end in, or 0 */
#define D_FPCR   0x40   /* u32 */
#define D_PFPFR  0x44   /* u32 */
#define D_FPSR   0x48   /* u32 */
#define D_COUNT  0x50
#define D_SIZE   0x58
#define MAGIC    0x5745465400000000

#define DS_SIZE  0x4000
#define PS_SIZE  0x10000    /* qemu-e2k wants > 7 KiB free at every call (expand_stacks) */
#define PCS_SIZE 0x4000

#define FRAME   { setwd wsz = 0x10, nfx = 0x1 ; setbn rsz = 0x3, rbs = 0xc, rcur = 0x0 }
#define CALL(f) { disp %ctpr1, f } ; { call %ctpr1, wbs = 0xc }
#define RET     { return %ctpr3 } ; { ct %ctpr3 }
#define SYSCALL { sdisp %ctpr1, 0x3 } ; { call %ctpr1, wbs = 0xc }
#define PAT(k)  (0x0101010101010101 * (k))
#define EXPECT(a, b, why)  cmpedb a, b, %pred0 ; ibranch why ? ~%pred0
#define EXPECT32(a, b, why)  cmpesb a, b, %pred0 ; ibranch why ? ~%pred0
/* reg == key ^ PAT(k), with %db[7] as scratch */
#define EXPECT_PAT(reg, key, k, why)  xord key, PAT(k), %db[7] ; EXPECT(reg, %db[7], why)

	.text
	.global _start
	.align 8
_start:
	FRAME
	addd  0x0, [ ctx_a ], %db[0]
	addd  0x0, [ stacks_a ], %db[1]
	addd  0x0, [ coro ], %db[2]
	addd  0x0, [ desc_a ], %db[3]
	CALL(port_context_init)
	addd  0x0, [ ctx_b ], %db[0]
	addd  0x0, [ stacks_b ], %db[1]
	addd  0x0, [ coro ], %db[2]
	addd  0x0, [ desc_b ], %db[3]
	CALL(port_context_init)
#ifdef QEMU_CR_MIRROR
	addd  0x0, [ ctx_a ], %db[0]
	CALL(qemu_mirror)
	addd  0x0, [ ctx_b ], %db[0]
	CALL(qemu_mirror)
#endif
	addd  0x0, 0x1234, %dr2
	xord  %dr2, PAT(3), %dr3
	xord  %dr2, PAT(4), %dr4
	getsp 0x0, %dr5
	addd  0x0, 4, %db[0]
	addd  0x0, [ ctx_main ], %db[1]
	addd  0x0, [ ctx_a ], %db[2]
	addd  0x0, 0x4d41494e, %db[3]           /* tag "MAIN" */
	CALL(level)
	/* A ended in main: all its rounds and B's done, main's frame intact */
	getsp 0x0, %db[0]
	EXPECT(%db[0], %dr5, fail_sp)
	EXPECT_PAT(%dr3, %dr2, 3, fail_window)
	EXPECT_PAT(%dr4, %dr2, 4, fail_window)
	addd  0x0, [ desc_a ], %db[0]
	ldd   [%db[0] + D_COUNT], %db[1]
	addd  0x0, ROUNDS, %db[2]
	EXPECT(%db[1], %db[2], fail_count)
	addd  0x0, [ desc_b ], %db[0]
	ldd   [%db[0] + D_COUNT], %db[1]
	EXPECT(%db[1], %db[2], fail_count)
	addd  0x0, 0x0, %db[0]
	addd  0x0, [ msg_ok ], %db[1]
	CALL(die)

/* entry(desc) of both coroutines: ROUNDS switches to the peer, each `depth` frames down */
	.align 8
coro:
	FRAME
	ldd   [%dr0 + D_MAGIC], %dr1
	andd  %dr1, 0xffffffff00000000, %db[0]
	addd  0x0, MAGIC, %db[1]
	EXPECT(%db[0], %db[1], fail_arg)
	/* the trampoline's call leaves SP at the top minus its 64-byte parameter area */
	getsp 0x0, %dr2
	ldd   [%dr0 + D_DSHI], %db[0]
	subd  %db[0], 64, %db[0]
	EXPECT(%dr2, %db[0], fail_sp)
	/* own FP control and flags; %dr3/%dr4/%dr6 = what the hardware reads back */
	ldw   [%dr0 + D_FPCR], %b[0]
	ldw   [%dr0 + D_PFPFR], %b[1]
	ldw   [%dr0 + D_FPSR], %b[2]
	rws   %b[0], %fpcr
	rws   %b[1], %pfpfr
	rws   %b[2], %fpsr
	rrs   %fpcr, %r3
	rrs   %pfpfr, %r4
	rrs   %fpsr, %r6
	addd  0x0, 0x0, %dr5                    /* i */
1:
	addd  %dr5, 1, %dr5
	std   %dr5, [%dr0 + D_COUNT]
	ldd   [%dr0 + D_DEPTH], %db[0]
	ldd   [%dr0 + D_CTX], %db[1]
	ldd   [%dr0 + D_PEER], %db[2]
	shld  %dr5, 16, %db[3]
	xord  %db[3], %dr1, %db[3]               /* tag: magic ^ i << 16 */
	CALL(level)
	ldd   [%dr0 + D_COUNT], %db[0]
	EXPECT(%db[0], %dr5, fail_count)
	ldd   [%dr0 + D_PEERD], %db[0]
	ldd   [%db[0] + D_COUNT], %db[1]
	ldd   [%dr0 + D_DELTA], %db[2]
	addd  %dr5, %db[2], %db[2]
	EXPECT(%db[1], %db[2], fail_count)
	rrs   %fpcr, %b[0]
	rrs   %pfpfr, %b[1]
	rrs   %fpsr, %b[2]
	EXPECT32(%b[0], %r3, fail_fp)
	EXPECT32(%b[1], %r4, fail_fp)
	EXPECT32(%b[2], %r6, fail_fp)
	cmpbdb %dr5, ROUNDS, %pred0
	ibranch 1b ? %pred0
	ldd   [%dr0 + D_FINAL], %db[1]
	addd  0x0, 0x0, %db[0]
	EXPECT(%db[1], %db[0], 2f)
	ibranch fail_order
2:
	ldd   [%dr0 + D_CTX], %db[0]
	CALL(port_switch_final)
	ibranch fail_order

/* level(depth, from, to, tag): a frame with its own registers and data, depth more, then sw_check */
	.align 8
level:
	FRAME
	getsp -96, %dr4                         /* [SP, SP+64) is the callee's parameter area */
	shld  %dr0, 40, %dr5
	xord  %dr5, %dr3, %dr5                  /* key: tag ^ depth << 40 */
	xord  %dr5, PAT(6), %dr6
	xord  %dr5, PAT(7), %dr7
	xord  %dr5, PAT(8), %dr8
	xord  %dr5, PAT(9), %dr9
	xord  %dr5, PAT(10), %dr10
	xord  %dr5, PAT(11), %dr11
	xord  %dr5, PAT(12), %dr12
	xord  %dr5, PAT(13), %dr13
	xord  %dr5, PAT(14), %dr14
	xord  %dr5, PAT(15), %dr15
	{ std %dr5, [%dr4 + 64] ; std %dr6, [%dr4 + 72] }
	{ std %dr14, [%dr4 + 80] ; std %dr15, [%dr4 + 88] }
	cmpedb %dr0, 0, %pred0
	ibranch 2f ? %pred0
	subd  %dr0, 1, %db[0]
	addd  0x0, %dr1, %db[1]
	addd  0x0, %dr2, %db[2]
	addd  0x0, %dr3, %db[3]
	CALL(level)
	ibranch 3f
2:
	addd  0x0, %dr1, %db[0]
	addd  0x0, %dr2, %db[1]
	addd  0x0, %dr3, %db[2]
	CALL(sw_check)
3:
	getsp 0x0, %db[0]
	EXPECT(%db[0], %dr4, fail_sp)
	shld  %dr0, 40, %db[0]
	xord  %db[0], %dr3, %db[0]
	EXPECT(%dr5, %db[0], fail_frame)
	EXPECT_PAT(%dr6, %dr5, 6, fail_frame)
	EXPECT_PAT(%dr7, %dr5, 7, fail_frame)
	EXPECT_PAT(%dr8, %dr5, 8, fail_frame)
	EXPECT_PAT(%dr9, %dr5, 9, fail_frame)
	EXPECT_PAT(%dr10, %dr5, 10, fail_frame)
	EXPECT_PAT(%dr11, %dr5, 11, fail_frame)
	EXPECT_PAT(%dr12, %dr5, 12, fail_frame)
	EXPECT_PAT(%dr13, %dr5, 13, fail_frame)
	EXPECT_PAT(%dr14, %dr5, 14, fail_frame)
	EXPECT_PAT(%dr15, %dr5, 15, fail_frame)
	{ ldd [%dr4 + 64], %db[0] ; ldd [%dr4 + 72], %db[1] }
	{ ldd [%dr4 + 80], %db[2] ; ldd [%dr4 + 88], %db[3] }
	EXPECT(%db[0], %dr5, fail_data)
	EXPECT(%db[1], %dr6, fail_data)
	EXPECT(%db[2], %dr14, fail_data)
	EXPECT(%db[3], %dr15, fail_data)
	RET

/* sw_check(from, to, tag): fills its window, switches, then checks the window, SP, FP
 * control, UPSR and the stack bases against what they were before */
	.align 8
sw_check:
	FRAME
	xord  %dr2, PAT(3), %dr3
	xord  %dr2, PAT(4), %dr4
	xord  %dr2, PAT(5), %dr5
	xord  %dr2, PAT(6), %dr6
	xord  %dr2, PAT(7), %dr7
	xord  %dr2, PAT(8), %dr8
	xord  %dr2, PAT(9), %dr9
	xord  %dr2, PAT(10), %dr10
	xord  %dr2, PAT(11), %dr11
	xord  %dr2, PAT(12), %dr12
	xord  %dr2, PAT(13), %dr13
	xord  %dr2, PAT(14), %dr14
	rrs   %fpsr, %r15
	rrd   %sbr, %dr16
	rrd   %psp.lo, %dr17
	rrd   %pcsp.lo, %dr18
	xord  %dr2, PAT(23), %dr23
	rrs   %upsr, %r19
	getsp 0x0, %dr20
	rrs   %fpcr, %r21
	rrs   %pfpfr, %r22
	addd  0x0, %dr0, %db[0]
	addd  0x0, %dr1, %db[1]
	CALL(port_switch)
	getsp 0x0, %db[0]
	EXPECT(%db[0], %dr20, fail_sp)
	rrs   %fpcr, %b[0]
	rrs   %pfpfr, %b[1]
	EXPECT32(%b[0], %r21, fail_fp)
	EXPECT32(%b[1], %r22, fail_fp)
	rrs   %fpsr, %b[0]
	EXPECT32(%b[0], %r15, fail_fp)
	rrs   %upsr, %b[0]
	EXPECT32(%b[0], %r19, fail_upsr)
	rrd   %sbr, %db[0]
	rrd   %psp.lo, %db[1]
	rrd   %pcsp.lo, %db[2]
	EXPECT(%db[0], %dr16, fail_stacks)
	EXPECT(%db[1], %dr17, fail_stacks)
	EXPECT(%db[2], %dr18, fail_stacks)
	EXPECT_PAT(%dr3, %dr2, 3, fail_window)
	EXPECT_PAT(%dr4, %dr2, 4, fail_window)
	EXPECT_PAT(%dr5, %dr2, 5, fail_window)
	EXPECT_PAT(%dr6, %dr2, 6, fail_window)
	EXPECT_PAT(%dr7, %dr2, 7, fail_window)
	EXPECT_PAT(%dr8, %dr2, 8, fail_window)
	EXPECT_PAT(%dr9, %dr2, 9, fail_window)
	EXPECT_PAT(%dr10, %dr2, 10, fail_window)
	EXPECT_PAT(%dr11, %dr2, 11, fail_window)
	EXPECT_PAT(%dr12, %dr2, 12, fail_window)
	EXPECT_PAT(%dr13, %dr2, 13, fail_window)
	EXPECT_PAT(%dr14, %dr2, 14, fail_window)
	EXPECT_PAT(%dr23, %dr2, 23, fail_window)
	RET

#ifdef QEMU_CR_MIRROR
/*
 * qemu_mirror(ctx): qemu-e2k keeps the current chain frame in memory at PCSP.base +
 * PCSP.ind instead of in CR0/CR1, and ignores CR writes. For a context suspended by
 * port_switch that memory already holds the right frame; for a fresh one, copy the
 * fabricated CRs there. QEMU's USD.size counts used bytes (SP = SBR - ussz*16 on return),
 * not free ones, so the copy's ussz is (SBR - SP)/16. On hardware this memory is the free
 * chain stack above ind, overwritten by the first spill.
 */
	.align 8
qemu_mirror:
	FRAME
	{ ldd [%dr0 + CTX_PCSP_LO], %dr1 ; ldd [%dr0 + CTX_PCSP_HI], %dr2 }
	{ ldd [%dr0 + CTX_CR0_LO], %dr3 ; ldd [%dr0 + CTX_CR0_HI], %dr4 }
	{ ldd [%dr0 + CTX_CR1_LO], %dr5 ; ldd [%dr0 + CTX_CR1_HI], %dr6 }
	{ ldd [%dr0 + CTX_USD_LO], %dr7 ; ldd [%dr0 + CTX_SBR], %dr8 }
	andd  %dr1, 0xffffffffffff, %dr1
	andd  %dr2, 0xffffffff, %dr2
	addd  %dr1, %dr2, %dr1
	andd  %dr7, 0xffffffffffff, %dr7
	subd  %dr8, %dr7, %dr8
	shrd  %dr8, 4, %dr8
	shld  %dr8, 36, %dr8
	andd  %dr6, 0xfffffffff, %dr6
	ord   %dr6, %dr8, %dr6
	{ std %dr3, [%dr1 + 0] ; std %dr4, [%dr1 + 8] }
	{ std %dr5, [%dr1 + 16] ; std %dr6, [%dr1 + 24] }
	RET
#endif

/* port_panic(msg): the contract's, called by the trampoline if an entry returns */
	.align 8
	.global port_panic
port_panic:
	FRAME
	addd  0x0, FAIL_PANIC, %db[0]
	addd  0x0, %dr0, %db[1]
	CALL(die)

fail_window: FRAME ; addd 0x0, FAIL_WINDOW, %db[0] ; addd 0x0, [ msg_window ], %db[1] ; CALL(die)
fail_sp:     FRAME ; addd 0x0, FAIL_SP, %db[0]     ; addd 0x0, [ msg_sp ], %db[1]     ; CALL(die)
fail_frame:  FRAME ; addd 0x0, FAIL_FRAME, %db[0]  ; addd 0x0, [ msg_frame ], %db[1]  ; CALL(die)
fail_count:  FRAME ; addd 0x0, FAIL_COUNT, %db[0]  ; addd 0x0, [ msg_count ], %db[1]  ; CALL(die)
fail_fp:     FRAME ; addd 0x0, FAIL_FP, %db[0]     ; addd 0x0, [ msg_fp ], %db[1]     ; CALL(die)
fail_data:   FRAME ; addd 0x0, FAIL_DATA, %db[0]   ; addd 0x0, [ msg_data ], %db[1]   ; CALL(die)
fail_arg:    FRAME ; addd 0x0, FAIL_ARG, %db[0]    ; addd 0x0, [ msg_arg ], %db[1]    ; CALL(die)
fail_order:  FRAME ; addd 0x0, FAIL_ORDER, %db[0]  ; addd 0x0, [ msg_order ], %db[1]  ; CALL(die)
fail_upsr:   FRAME ; addd 0x0, FAIL_UPSR, %db[0]   ; addd 0x0, [ msg_upsr ], %db[1]   ; CALL(die)
fail_stacks: FRAME ; addd 0x0, FAIL_STACKS, %db[0] ; addd 0x0, [ msg_stacks ], %db[1] ; CALL(die)

/* die(status, msg): write(2, msg, strlen(msg)), write(2, "\n", 1), exit(status) */
	.align 8
die:
	FRAME
	addd  0x0, %dr1, %dr2
1:
	ldb   [%dr2 + 0], %r3
	addd  %dr2, 1, %dr2
	cmpesb %r3, 0, %pred0
	ibranch 1b ? ~%pred0
	subd  %dr2, %dr1, %dr3
	subd  %dr3, 1, %db[3]
	addd  0x0, 4, %db[0]                    /* __NR_write */
	addd  0x0, 2, %db[1]
	addd  0x0, %dr1, %db[2]
	SYSCALL
	addd  0x0, 4, %db[0]
	addd  0x0, 2, %db[1]
	addd  0x0, [ newline ], %db[2]
	addd  0x0, 1, %db[3]
	SYSCALL
	addd  0x0, 1, %db[0]                    /* __NR_exit */
	addd  0x0, %dr0, %db[1]
	SYSCALL

	.section .rodata
msg_ok:     .asciz "harness: all switches checked, ok"
msg_window: .asciz "harness: FAIL window register of port_switch's caller changed"
msg_sp:     .asciz "harness: FAIL data stack pointer"
msg_frame:  .asciz "harness: FAIL register of an outer frame changed"
msg_count:  .asciz "harness: FAIL coroutine counter / switch order"
msg_fp:     .asciz "harness: FAIL FPCR/FPSR/PFPFR not the context's own"
msg_data:   .asciz "harness: FAIL data stack contents"
msg_arg:    .asciz "harness: FAIL fresh context argument"
msg_order:  .asciz "harness: FAIL control returned where it must not"
msg_upsr:   .asciz "harness: FAIL UPSR changed across port_switch"
msg_stacks: .asciz "harness: FAIL SBR / PSP / PCSP base changed across port_switch"
newline:    .asciz "\n"

	.data
	.balign 8
/* struct port_stack[3]: data (down), procedure (up), chain (up); canary: the limit's word */
stacks_a:
	.quad ds_a,  ds_a + DS_SIZE,   ds_a,                   0
	.quad ps_a,  ps_a + PS_SIZE,   ps_a + PS_SIZE - 8,     1
	.quad pcs_a, pcs_a + PCS_SIZE, pcs_a + PCS_SIZE - 8,   1
stacks_b:
	.quad ds_b,  ds_b + DS_SIZE,   ds_b,                   0
	.quad ps_b,  ps_b + PS_SIZE,   ps_b + PS_SIZE - 8,     1
	.quad pcs_b, pcs_b + PCS_SIZE, pcs_b + PCS_SIZE - 8,   1
/* A: depth 3, rounding toward -inf, FPSR.ie set; B: depth 5, toward +inf, FPSR.ze set
 * (all exceptions masked); A ends in main */
desc_a:
	.quad MAGIC | 0x41, ctx_a, ctx_b, desc_b, ds_a + DS_SIZE, 3, 0, ctx_main
	.long 0x073f, 0x3f80, 0x01, 0
	.quad 0
desc_b:
	.quad MAGIC | 0x42, ctx_b, ctx_a, desc_a, ds_b + DS_SIZE, 5, 1, 0
	.long 0x0b3f, 0x5f80, 0x04, 0
	.quad 0

	.bss
	.balign 4096
ds_a:   .skip DS_SIZE
ps_a:   .skip PS_SIZE
pcs_a:  .skip PCS_SIZE
ds_b:   .skip DS_SIZE
ps_b:   .skip PS_SIZE
pcs_b:  .skip PCS_SIZE
	.balign CTX_ALIGN
ctx_main: .skip CTX_SIZE
ctx_a:    .skip CTX_SIZE
ctx_b:    .skip CTX_SIZE
