// The host's fake interrupt source and fake clock. An "interrupt" is a call made from whatever
// code unmasks, raises or idles: the same points at which real hardware could take one.
#include <stdio.h>

#include "counter64.h"
#include "port_host.h"
#include "port.h"

extern "C" {
bool port_host_masked;
bool port_host_in_irq;
uint32_t port_host_pending;
uint32_t port_host_at_unmask;
}

namespace {

struct Line {
    port_host_handler handler;
    void* arg;
};

struct Due {
    uint64_t tick;
    unsigned line;
};

Line lines[PORT_HOST_IRQ_LINES];
Due due[16];
unsigned due_count;
uint64_t now;                 // the true time; the kernel sees it through a 32-bit counter
uint64_t timer_at = UINT64_MAX;  // when the kernel's timer interrupt is due
port_counter64 counter;
uint64_t timer_interrupts;
void (*idle_hook)(void*);
void* idle_hook_arg;

uint64_t next_due() {
    uint64_t next = timer_at;
    for (unsigned i = 0; i < due_count; ++i)
        if (due[i].tick < next) next = due[i].tick;
    return next;
}

// Pends every scheduled interrupt whose time has come, earliest first.
void raise_due() {
    if (timer_at <= now) {
        timer_at = UINT64_MAX;
        port_host_irq_raise(PORT_HOST_TIMER_LINE);
    }
    for (;;) {
        unsigned first = due_count;
        for (unsigned i = 0; i < due_count; ++i)
            if (due[i].tick <= now && (first == due_count || due[i].tick < due[first].tick)) first = i;
        if (first == due_count) return;
        unsigned line = due[first].line;
        due[first] = due[--due_count];
        port_host_irq_raise(line);
    }
}

}  // namespace

extern "C" void port_host_deliver() {
    port_host_pending |= port_host_at_unmask;
    port_host_at_unmask = 0;
    while (port_host_pending != 0 && !port_host_masked) {
        unsigned line = static_cast<unsigned>(__builtin_ctz(port_host_pending));
        port_host_pending &= ~(1u << line);
        if (line == PORT_HOST_TIMER_LINE) {
            port_host_masked = true;
            port_host_in_irq = true;
            ++timer_interrupts;
            port_timer_expired();
            port_host_in_irq = false;
            port_host_masked = false;
            continue;
        }
        if (lines[line].handler == nullptr) {
            char message[64];
            snprintf(message, sizeof message, "host: interrupt line %u raised with no handler", line);
            port_panic(message);
        }
        // Handlers run masked and flagged, as on a core that does not nest interrupts.
        port_host_masked = true;
        port_host_in_irq = true;
        lines[line].handler(lines[line].arg);
        port_host_in_irq = false;
        port_host_masked = false;
    }
}

extern "C" void port_host_irq_attach(unsigned line, port_host_handler handler, void* arg) {
    if (line >= PORT_HOST_IRQ_LINES || line == PORT_HOST_TIMER_LINE) port_panic("host: interrupt line out of range");
    lines[line] = {handler, arg};
}

extern "C" void port_host_irq_raise(unsigned line) {
    if (line >= PORT_HOST_IRQ_LINES) port_panic("host: interrupt line out of range");
    port_host_pending |= 1u << line;
    if (!port_host_masked) port_host_deliver();
}

extern "C" void port_host_irq_at_unmask(unsigned line) {
    if (line >= PORT_HOST_IRQ_LINES) port_panic("host: interrupt line out of range");
    port_host_at_unmask |= 1u << line;
}

extern "C" void port_host_irq_at(unsigned line, uint64_t tick) {
    if (due_count == sizeof due / sizeof due[0]) port_panic("host: too many scheduled interrupts");
    due[due_count++] = {tick, line};
    raise_due();
}

extern "C" uint64_t port_host_now() { return now; }

extern "C" void port_host_advance(uint64_t ticks) {
    uint64_t end = now + ticks;
    // Step through each due time so a handler sees the clock at its own deadline. What falls due
    // at one tick pends together, then is taken lowest line first and the timer last, as on
    // hardware and in idle: raised one by one while unmasked, the timer would be taken first.
    for (;;) {
        uint64_t next = next_due() < end ? next_due() : end;
        if (next > now) now = next;
        bool was = port_host_masked;
        port_host_masked = true;
        raise_due();
        port_host_masked = was;
        if (!was && port_host_pending != 0) port_host_deliver();
        if (now == end) return;
    }
}

extern "C" void port_host_reset(uint64_t tick) {
    for (auto& l : lines) l = {};
    port_host_pending = 0;
    port_host_at_unmask = 0;
    port_host_masked = false;
    port_host_in_irq = false;
    due_count = 0;
    now = tick;
    timer_at = UINT64_MAX;
    counter.last = tick;
    timer_interrupts = 0;
    idle_hook = nullptr;
}

extern "C" void port_host_on_idle(void (*hook)(void*), void* arg) {
    idle_hook = hook;
    idle_hook_arg = arg;
}

extern "C" uint64_t port_host_timer_interrupts() { return timer_interrupts; }

// Idle cannot sleep on the host: it jumps the clock to the next scheduled interrupt instead.
extern "C" bool port_idle() {
    if (idle_hook != nullptr) idle_hook(idle_hook_arg);
    if (port_host_pending != 0) return true;
    uint64_t next = next_due();
    if (next == UINT64_MAX) return false;
    if (next > now) now = next;
    raise_due();
    return true;
}

extern "C" uint64_t port_ticks() { return counter.extend(static_cast<uint32_t>(now)); }

// As a port with a 32-bit counter must, never arm further ahead than half a wrap.
extern "C" void port_timer_arm(uint64_t deadline) {
    uint64_t t = port_ticks();
    if (deadline != UINT64_MAX && deadline - t > port_counter64_max_arm && deadline > t)
        deadline = t + port_counter64_max_arm;
    timer_at = deadline;
    raise_due();
}
