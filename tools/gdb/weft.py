# Weft's gdb commands, for any image built with -g (every build is):
#   weft coroutines          every pool, and every coroutine with its pool, state, what it waits on
#                            and its stack use (the kernel's own listing, weft::report)
#   weft bt <coroutine> [n]  the backtrace of a coroutine: from its saved context when it is not
#                            running; on Cortex-M, from the exception's frame when a fault interrupted it
#   weft bt all              the same for every coroutine that has a stack, and main
# `make debug` loads this file; by hand: (gdb) source tools/gdb/weft.py
#
# Nothing in the target is called: everything is read from its memory through the image's debug
# information, walking what kernel/introspect.cpp walks (weft::pools, each Pool's slots, each
# Coroutine's state and waiter, the paint left on its stack), so the commands work wherever the
# target is halted, in a fault handler too. `weft bt` points the registers at the coroutine's saved
# switch frame (the layouts of arch/*/switch_*.S), runs gdb's own `bt`, then puts them back.
# docs/debugging.md says more; tools/gdb-check checks them.

import os
import re

import gdb

# kernel/core.h: the byte fresh stacks are painted with, and the canary at each stack's limit.
PAINT = 0xA5
CANARY = 0xC3C3C3C3C3C3C3C3

# kernel/introspect.cpp, to_string(): the names the kernel's listing gives states and waits.
STATE_NAMES = {"free": "terminated"}
WAIT_NAMES = {"none": "", "channel_send": "send", "channel_receive": "receive"}

# Where a fresh context's first switch lands: a coroutine resuming there has not run yet.
START_SYMBOLS = ("port_start", "port_x86_64_start", "port_i386_start")


def is_arm():
    return gdb.selected_inferior().architecture().name().startswith("arm")


def code(address):
    """A function pointer as a code address: without the Thumb bit on Arm."""
    return address & ~1 if is_arm() else address


def word_bytes():
    return gdb.lookup_type("void").pointer().sizeof


def read_bytes(address, size):
    return gdb.selected_inferior().read_memory(address, size).tobytes()


def read_word(address, size=None):
    size = size or word_bytes()
    return int.from_bytes(read_bytes(address, size), "little")


def symbol_address(name):
    """The address of a function or object, with or without debug information; None when absent."""
    try:
        return int(gdb.parse_and_eval("&'%s'" % name if "::" not in name else "&" + name))
    except gdb.error:
        return None


def symbolic(address):
    """`address` as 0x... <symbol+offset>, the symbol where gdb knows one."""
    text = "0x%x" % address
    try:
        where = gdb.execute("info symbol 0x%x" % address, to_string=True).strip()
    except gdb.error:
        return text
    if where.startswith("No symbol"):
        return text
    where = re.sub(r" in section \S+.*$", "", where).replace(" + ", "+")
    return "%s <%s>" % (text, where)


def function_name(address):
    block = gdb.block_for_pc(address) if address else None
    while block is not None and block.function is None:
        block = block.superblock
    if block is not None:
        return block.function.print_name
    where = symbolic(address)
    return where[where.find("<") + 1:-1] if "<" in where else where


def enum_name(value):
    number = int(value)
    for field in value.type.strip_typedefs().fields():
        if field.enumval == number:
            return field.name.split("::")[-1]
    return "?"


# The switch frames, as the opening comment of each arch/*/switch_*.S draws them: where each
# callee-saved register lies above the saved sp, where the resume address lies, and the frame's
# size (what the switch pops: the saved sp plus this is the sp the resumed code runs on).
# `extra` gives the bytes a variant adds above its frame for state only some contexts keep.
def arm_regs(first, order=("r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11")):
    return {r: first + 4 * i for i, r in enumerate(order)}


def riscv_regs(w, count):
    regs = {"s%d" % i: (2 + i) * w for i in range(count)}
    return regs


class Layout:
    def __init__(self, variant, regs, resume, size, extra=None, pc_alias=(), guard=False):
        self.variant = variant
        self.regs = regs
        self.resume = resume
        self.size = size
        self.extra = extra
        self.pc_alias = pc_alias  # registers that also take the resume address (lr, ra)
        # The bytes of a slot below its stack (port_arch.h): the MPU guard's region, 512 (the
        # canary's subregion and the guard), or the PMP guard's 512 (the canary's 32 and 480).
        self.below = 512 if guard else 0

    def registers(self, sp):
        """The registers that resume the context saved at `sp`: pc, sp and the callee-saved ones."""
        regs = {r: read_word(sp + at) for r, at in self.regs.items()}
        resume = read_word(sp + self.resume)
        size = self.size + (self.extra(sp) if self.extra else 0)
        for r in self.pc_alias:
            regs[r] = resume
        regs["sp"] = sp + size
        regs["pc"] = code(resume)
        return regs


def layout_for(variant):
    w = word_bytes()
    guard = variant.endswith("_mpu_aapcs") or variant.endswith("_pmp")
    if variant == "arm_v6m_aapcs":
        return Layout(variant, arm_regs(0, ("r8", "r9", "r10", "r11", "r4", "r5", "r6", "r7")), 0x20, 0x24,
                      pc_alias=("lr",))
    if variant == "arm_v7m_aapcs":
        return Layout(variant, arm_regs(0), 0x20, 0x24, pc_alias=("lr",))
    if variant in ("arm_v7m_mpu_aapcs", "arm_v8m_aapcs"):  # guard or PSPLIM at +0
        return Layout(variant, arm_regs(4), 0x24, 0x28, pc_alias=("lr",), guard=guard)
    if variant in ("arm_v7em_fpu_aapcs", "arm_v7em_fpu_mpu_aapcs"):
        # +4: FP, 4 when s16-s31 (and, with the MPU, FPSCR in a word of its own) lie above.
        fp_bytes = 68 if guard else 64
        return Layout(variant, arm_regs(8), 0x28, 0x2c, pc_alias=("lr",), guard=guard,
                      extra=lambda sp: fp_bytes if read_word(sp + 4) & 4 else 0)
    if variant in ("riscv_ilp32_lp64", "riscv_ilp32_lp64_pmp"):
        return Layout(variant, riscv_regs(w, 12), w, (14 * w + 15) & ~15, pc_alias=("ra",), guard=guard)
    if variant in ("riscv_ilp32e", "riscv_ilp32e_pmp"):
        return Layout(variant, riscv_regs(4, 2), 4, 16, pc_alias=("ra",), guard=guard)
    if variant in ("riscv_ilp32f_lp64d", "riscv_ilp32f_lp64d_pmp"):
        # +14R: mstatus.FS, non-zero when fs0-fs11 and fcsr lie above (F: 8 bytes on lp64d, 4 on ilp32f).
        f = 8 if w == 8 else 4
        fp_frame = (12 * f + 4 + 15) & ~15
        return Layout(variant, riscv_regs(w, 12), w, (15 * w + 15) & ~15, pc_alias=("ra",), guard=guard,
                      extra=lambda sp: fp_frame if read_word(sp + 14 * w) else 0)
    if variant in ("x86_64_sysv", "x86_64_sysv_nofpctl"):
        return Layout(variant, {"r15": 0x08, "r14": 0x10, "r13": 0x18, "r12": 0x20, "rbx": 0x28, "rbp": 0x30},
                      0x38, 0x40)
    if variant in ("i386_cdecl", "i386_cdecl_nosse"):
        return Layout(variant, {"ebx": 0x08, "esi": 0x0c, "edi": 0x10, "ebp": 0x14}, 0x18, 0x1c)
    return None


def switch_layout():
    """The layout of the switch this image was built with, told by the source file of its code."""
    for symbol in ("port_x86_64_switch", "port_i386_switch", "port_switch"):
        address = symbol_address(symbol)
        if address is None:
            continue
        line = gdb.find_pc_line(code(address))
        if line.symtab is None:
            continue
        m = re.match(r"switch_(\w+)\.S$", os.path.basename(line.symtab.filename))
        if m is None:
            continue
        layout = layout_for(m.group(1))
        if layout is None:
            raise gdb.GdbError("weft: no frame layout for %s in tools/gdb/weft.py" % line.symtab.filename)
        # The fresh frame's size, where the switch file exports it: a cross-check of the table above.
        exported = symbol_address("port_frame_bytes")
        if exported is not None and read_word(exported, 4) != layout.size:
            raise gdb.GdbError("weft: %s's frame is %d bytes, tools/gdb/weft.py has %d for it: update the table"
                               % (line.symtab.filename, read_word(exported, 4), layout.size))
        return layout
    raise gdb.GdbError("weft: cannot tell which switch this image has (no port_switch from an arch/*/switch_*.S "
                       "with line information)")


def kernel():
    if not gdb.selected_inferior().threads():
        raise gdb.GdbError("weft: no program is running (connect to the target first: make debug does)")
    try:
        k = gdb.parse_and_eval("weft::core::k")
    except gdb.error:
        raise gdb.GdbError("weft: no weft::core::k: not a Weft image, or one without debug information")
    if int(k["current"]) == 0:
        # k.current starts as &k.root in .data: zero means start-up has not copied .data yet.
        raise gdb.GdbError("weft: the kernel's data is not set up yet (halted before start-up ran?)")
    return k


class Info:
    """One coroutine, as weft::describe() sees it."""

    def __init__(self, co, k, layout, index):
        c = co.dereference()
        self.index = index
        self.co = co
        self.address = int(co)
        self.current = self.address == int(k["current"])
        self.root = self.address == int(k["root"].address)
        self.named = int(c["name"]) != 0
        self.name = c["name"].string() if self.named else None
        raw_state = enum_name(c["state"])
        self.state = "running" if self.current else STATE_NAMES.get(raw_state, raw_state)
        self.waiting = ""
        if raw_state == "waiting" and int(c["waiter"]) != 0:
            w = c["waiter"].dereference()
            kind = enum_name(w["kind"])
            what = WAIT_NAMES.get(kind, kind)
            # Waiter::timer, then TimerHeap::pending()
            deadline = int(w["deadline"]) if bool(w["timer"]) and int(w["prev"]) != 0 else None
            if kind == "sleep":
                self.waiting = "sleep until %d" % deadline if deadline is not None else "sleep"
            else:
                self.waiting = "%s %s" % (what, symbolic(int(w["object"])) if int(w["object"]) else "")
                if deadline is not None:
                    self.waiting += " until %d" % deadline
        self.pool = None
        self.pool_name = ""
        self.stack_size = 0
        self.used = 0
        self.canary_ok = True
        self.entry = None
        self.label = self.name
        if int(c["pool"]) != 0:
            pool = c["pool"].dereference()
            self.pool = pool
            self.pool_name = pool["name_"].string()
            slot = int(c["stack"])
            self.stack_size = int(pool["stride_"])
            self.used, self.canary_ok = stack_use(slot, self.stack_size, layout)
            self.entry = start_entry(slot, self.stack_size)
            if not self.named:
                self.label = "0x%x" % start_word(slot, self.stack_size)

    def who(self):
        if self.root:
            return "main (no coroutine)"
        what = "coroutine '%s'" % self.name if self.named else "coroutine %s (entry)" % self.label
        return what + (" in pool '%s'" % self.pool_name if self.pool_name else "")


def stack_use(slot, size, layout):
    """kernel/stack.cpp, high_water(): bytes from the top down to the lowest byte not painted, the
    canary word skipped where it lies inside the stack; and whether the canary is intact."""
    w = word_bytes()
    below = layout.below if layout is not None else 0
    lo, hi = slot + below, slot + size
    data = read_bytes(lo, hi - lo)
    skip = w if lo == slot else 0
    rest = data[skip:]
    painted = len(rest) - len(rest.lstrip(bytes([PAINT])))
    used = hi - (lo + skip + painted)
    canary = read_word(slot) == CANARY & ((1 << (8 * w)) - 1)
    return used, canary


def start_word(slot, size):
    """The entry function's pointer as create() stored it in the start record at the stack's top
    (kernel/coroutine.cpp, struct Start): two words, aligned down to PORT_STACK_ALIGN."""
    w = word_bytes()
    align = 8 if is_arm() else 16
    return read_word((slot + size - 2 * w) & ~(align - 1))


def start_entry(slot, size):
    """The entry function of a coroutine, from its start record; None where that is not code."""
    entry = code(start_word(slot, size))
    return entry if gdb.block_for_pc(entry) is not None else None


def pools():
    try:
        p = gdb.parse_and_eval("weft::pools")
    except gdb.error:
        raise gdb.GdbError("weft: no weft::pools in this image")
    while int(p) != 0:
        yield p.dereference()
        p = p["next_"]


def coroutines(k=None, layout=None):
    k = k if k is not None else kernel()
    index = 0
    for pool in pools():
        for i in range(int(pool["fresh_"])):
            yield Info(pool["blocks_"] + i, k, layout, index)
            index += 1


def try_layout():
    try:
        return switch_layout()
    except gdb.GdbError:
        return None


def table(rows):
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            right = isinstance(cell, int) or (row is rows[0] and isinstance(rows[-1][i], int))
            cells.append(str(cell).rjust(widths[i]) if right else str(cell).ljust(widths[i]))
        gdb.write("  ".join(cells).rstrip() + "\n")


def handler_note():
    """On Cortex-M, the exception being handled, if the core is in handler mode."""
    try:
        ipsr = int(gdb.parse_and_eval("$xpsr")) & 0x1FF
    except gdb.error:
        return ""
    return " (interrupted: exception %d is being handled)" % ipsr if ipsr else ""


def in_switch_note():
    try:
        where = gdb.execute("info symbol $pc", to_string=True)
    except gdb.error:
        return ""
    if re.match(r"port_(\w+_)?switch\b", where):
        return "note: halted inside the switch: the two contexts it moves between may be half saved\n"
    return ""


class WeftPrefix(gdb.Command):
    """Weft kernel commands: weft coroutines, weft bt <coroutine>."""

    def __init__(self):
        super().__init__("weft", gdb.COMMAND_DATA, prefix=True)

    def invoke(self, arg, from_tty):
        gdb.execute("help weft")


class WeftCoroutines(gdb.Command):
    """List every pool, and every coroutine the pools have handed out: its pool, state, what it
waits on (with the deadline, in ticks), its stack's size and the most of it used (its high-water mark,
read from the paint left on it), and its entry function. The # column is what `weft bt` takes
besides a name. Terminated coroutines stay listed until their slot is handed out again."""

    def __init__(self):
        super().__init__("weft coroutines", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        k = kernel()
        layout = try_layout()
        rows = [("pool", "used", "peak", "capacity", "stack", "exhausted")]
        for p in pools():
            rows.append((p["name_"].string(), int(p["used_"]), int(p["peak_"]), int(p["count_"]),
                         int(p["stride_"]), int(p["exhausted_"])))
        if len(rows) == 1:
            gdb.write("no pool has handed out a coroutine yet\n")
            return
        table(rows)
        rows = [("#", "coroutine", "pool", "state", "waiting on", "stack", "used", "entry")]
        notes = []
        for c in coroutines(k, layout):
            entry = function_name(c.entry) if c.entry else ""
            rows.append((c.index, c.label, c.pool_name, c.state, c.waiting, c.stack_size, c.used, entry))
            if not c.canary_ok and c.state != "terminated":
                notes.append("%s: the canary at its stack's limit is overwritten: it overflowed" % c.who())
        gdb.write("\n")
        table(rows)
        current = Info(k["current"], k, layout, None)
        gdb.write("\nrunning: %s%s\n" % (current.who(), handler_note()))
        gdb.write(in_switch_note())
        for n in notes:
            gdb.write("warning: %s\n" % n)


def find(which, k, layout):
    """The coroutine `which` names: its name, its # in `weft coroutines`, its entry function's name,
    the address of its control block, or main (the context that is not a coroutine)."""
    all_ = list(coroutines(k, layout))
    if re.fullmatch(r"#?\d+", which):
        i = int(which.lstrip("#"))
        if i < len(all_):
            return all_[i]
        raise gdb.GdbError("weft: no coroutine #%d (weft coroutines lists them)" % i)
    matches = [c for c in all_ if c.name == which]
    if not matches:
        matches = [c for c in all_ if c.entry and function_name(c.entry).split("::")[-1].split("(")[0] == which]
    if not matches and re.fullmatch(r"0x[0-9a-fA-F]+", which):
        matches = [c for c in all_ if c.address == int(which, 16)]
    if not matches and which == "main":
        return Info(k["root"].address, k, layout, None)
    live = [c for c in matches if c.state != "terminated"]
    matches = live or matches
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise gdb.GdbError("weft: no coroutine '%s' (weft coroutines lists them)" % which)
    raise gdb.GdbError("weft: %d coroutines match '%s': give its # (%s)"
                       % (len(matches), which, ", ".join(str(c.index) for c in matches)))


def exception_frame():
    """On Cortex-M, halted in a handler that interrupted thread mode (where coroutines and main run,
    on PSP): the registers the interrupted code had, from the frame the exception stacked; None
    elsewhere. gdb marks the handler's entry as "<signal handler called>", whose pc is EXC_RETURN;
    the stacked frame is at PSP where the target shows it, else at the fault report's `frame`."""
    if not is_arm():
        return None
    try:
        if int(gdb.parse_and_eval("$xpsr")) & 0x1FF == 0:
            return None
    except gdb.error:
        return None
    entry, handler = gdb.newest_frame(), None
    while entry is not None and entry.type() != gdb.SIGTRAMP_FRAME:
        handler, entry = entry, entry.older()
    if entry is None or handler is None:
        return None
    exc_return = int(entry.pc()) & 0xFFFFFFFF
    if exc_return & 4 == 0:  # the exception interrupted another handler, on MSP
        return None
    psp = gdb.parse_and_eval("$psp")
    if psp.type.code == gdb.TYPE_CODE_VOID:
        psp = None
        f = handler
        while f is not None and f != entry:
            if f.name() and f.name().startswith("port_fault_report"):
                try:
                    psp = f.read_var("frame")
                except ValueError:
                    pass
                break
            f = f.older()
        if psp is None or psp.is_optimized_out:
            return None
    base = int(psp) & 0xFFFFFFFF
    stacked = [read_word(base + 4 * i, 4) for i in range(8)]  # r0-r3, r12, lr, pc, xPSR
    regs = {r: int(entry.read_register(r)) & 0xFFFFFFFF for r in ("r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11")}
    regs.update(zip(("r0", "r1", "r2", "r3", "r12", "lr"), stacked[:6]))
    # 0x20 bytes, or 0x68 with the FPU's (EXC_RETURN bit 4 clear); 4 more where the hardware aligned sp.
    size = (0x20 if exc_return & 0x10 else 0x68) + (4 if stacked[7] & 0x200 else 0)
    regs["sp"] = base + size
    regs["pc"] = code(stacked[6])
    return regs


def walk(regs, bt_args):
    """`bt` with the registers set to `regs` for its length."""
    frame = gdb.newest_frame()
    frame.select()
    mask = (1 << (8 * word_bytes())) - 1
    saved = {r: int(frame.read_register(r)) & mask for r in regs}
    # pc last: writing sp or a register may make gdb read the frame again.
    order = [r for r in regs if r != "pc"] + ["pc"]
    try:
        for r in order:
            set_register(r, regs[r])
        gdb.execute("bt " + bt_args)
    finally:
        for r in order:
            set_register(r, saved[r])
        gdb.newest_frame().select()


def set_register(name, value):
    gdb.execute("set $%s = %d" % (name, value), to_string=True)


def backtrace(c, layout, bt_args):
    gdb.write("%s, %s%s\n" % (c.who(), c.state, ": " + c.waiting if c.waiting else ""))
    if c.current:
        interrupted = exception_frame()
        if interrupted is None:
            gdb.write("(running: its stack is the live one)\n")
            gdb.execute("bt " + bt_args)
        else:
            gdb.write("(running, interrupted by exception %d: from the frame it stacked; `bt` shows the handler)\n"
                      % (int(gdb.parse_and_eval("$xpsr")) & 0x1FF))
            walk(interrupted, bt_args)
        return
    if c.state == "terminated":
        gdb.write("(terminated: it has no stack to walk)\n")
        return
    regs = layout.registers(int(c.co["ctx"]["sp"]))
    starts = [symbol_address(s) for s in START_SYMBOLS]
    if regs["pc"] in [code(s) for s in starts if s is not None]:
        gdb.write("(not started yet: its first switch calls %s)\n"
                  % (function_name(c.entry) if c.entry else "its entry function"))
        return
    walk(regs, bt_args)


class WeftBt(gdb.Command):
    """Backtrace of a coroutine: weft bt <coroutine> [bt's arguments], or weft bt all.
<coroutine> is its name, its # in `weft coroutines`, its entry function's name, the address of its
control block, or main (the context that is not a coroutine, while a coroutine runs). A suspended,
ready or waiting coroutine is walked from the frame its last switch saved: the registers are pointed
at that frame for the length of the `bt` and then put back. The running one gets a plain `bt`, but
on Cortex-M in a handler that interrupted it (a fault), which walks it from the frame the exception
stacked."""

    def __init__(self):
        super().__init__("weft bt", gdb.COMMAND_STACK)

    def invoke(self, arg, from_tty):
        args = gdb.string_to_argv(arg)
        if not args:
            raise gdb.GdbError("usage: weft bt <coroutine> [bt's arguments] | weft bt all")
        k = kernel()
        layout = switch_layout()
        gdb.write(in_switch_note())
        rest = " ".join(args[1:])
        if args[0] == "all":
            targets = [c for c in coroutines(k, layout) if c.state != "terminated"]
            root = Info(k["root"].address, k, layout, None)
            if not root.current:
                targets.append(root)
        else:
            targets = [find(args[0], k, layout)]
        for i, c in enumerate(targets):
            if i:
                gdb.write("\n")
            backtrace(c, layout, rest)

    def complete(self, text, word):
        try:
            names = [c.label for c in coroutines(kernel(), try_layout()) if c.state != "terminated"]
        except (gdb.error, gdb.GdbError):
            return []
        return [n for n in names + ["all", "main"] if n.startswith(word or "")]


WeftPrefix()
WeftCoroutines()
WeftBt()
