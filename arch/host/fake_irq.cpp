// The host's fake interrupt source and fake clock. An "interrupt" is a call made from whatever
// code unmasks, raises or idles: the same points at which real hardware could take one.
#include <stdio.h>

#include "port_host.h"
#include "port.h"

extern "C" {
bool port_host_masked;
bool port_host_in_irq;
uint32_t port_host_pending;
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
uint64_t now;

// Pends every scheduled interrupt whose time has come, earliest first.
void raise_due() {
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
    while (port_host_pending != 0 && !port_host_masked) {
        unsigned line = static_cast<unsigned>(__builtin_ctz(port_host_pending));
        port_host_pending &= ~(1u << line);
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
    if (line >= PORT_HOST_IRQ_LINES) port_panic("host: interrupt line out of range");
    lines[line] = {handler, arg};
}

extern "C" void port_host_irq_raise(unsigned line) {
    if (line >= PORT_HOST_IRQ_LINES) port_panic("host: interrupt line out of range");
    port_host_pending |= 1u << line;
    if (!port_host_masked) port_host_deliver();
}

extern "C" void port_host_irq_at(unsigned line, uint64_t tick) {
    if (due_count == sizeof due / sizeof due[0]) port_panic("host: too many scheduled interrupts");
    due[due_count++] = {tick, line};
    raise_due();
}

extern "C" uint64_t port_host_now() { return now; }

extern "C" void port_host_advance(uint64_t ticks) {
    uint64_t end = now + ticks;
    // Step through each due time so a handler sees the clock at its own deadline.
    for (;;) {
        uint64_t next = end;
        for (unsigned i = 0; i < due_count; ++i)
            if (due[i].tick < next) next = due[i].tick;
        if (next > now) now = next;
        raise_due();
        if (now == end) return;
    }
}

extern "C" void port_host_reset(uint64_t tick) {
    for (auto& l : lines) l = {};
    port_host_pending = 0;
    port_host_masked = false;
    port_host_in_irq = false;
    due_count = 0;
    now = tick;
}

// Idle cannot sleep on the host: it jumps the clock to the next scheduled interrupt instead.
extern "C" bool port_idle() {
    if (port_host_pending != 0) return true;
    if (due_count == 0) return false;
    uint64_t next = due[0].tick;
    for (unsigned i = 1; i < due_count; ++i)
        if (due[i].tick < next) next = due[i].tick;
    now = next;
    raise_due();
    return true;
}
