// AT24C EEPROM over an I2cBus: page splitting and acknowledge polling.
#include "at24c.h"

#include "port.h"
#include "weft/coroutine.h"

bool At24c::fits(uint32_t at, size_t len) const {
    const At24cGeometry& g = geometry_;
    bool shape = g.page > 0 && g.page <= max_page && (g.page & (g.page - 1)) == 0 && g.address_bytes >= 1 &&
                 g.address_bytes <= 2 && g.size > 0;
    return shape && at < g.size && len <= g.size - at;
}

uint8_t At24c::device(uint32_t at) const {
    return static_cast<uint8_t>(address_ | (at >> (8 * geometry_.address_bytes)));
}

size_t At24c::put_address(uint32_t at, uint8_t* out) const {
    size_t n = 0;
    if (geometry_.address_bytes == 2) out[n++] = static_cast<uint8_t>(at >> 8);
    out[n++] = static_cast<uint8_t>(at);
    return n;
}

I2cStatus At24c::read(uint32_t at, uint8_t* data, size_t len, weft::Timeout timeout) {
    if (len == 0) return I2cStatus::ok;
    if (!fits(at, len) || data == nullptr) return I2cStatus::bad_argument;
    // One random read per device address: the chip's own counter rolls over within one.
    while (len > 0) {
        uint32_t block = 1u << (8 * geometry_.address_bytes);
        uint32_t room = block - (at & (block - 1));
        size_t n = len < room ? len : room;
        uint8_t address[2];
        size_t alen = put_address(at, address);
        I2cStatus s = bus_.write_read(device(at), address, alen, data, n, timeout);
        if (s != I2cStatus::ok) return s;
        at += static_cast<uint32_t>(n);
        data += n;
        len -= n;
    }
    return I2cStatus::ok;
}

I2cStatus At24c::write(uint32_t at, const uint8_t* data, size_t len, weft::Timeout timeout) {
    if (len == 0) return I2cStatus::ok;
    if (!fits(at, len) || data == nullptr) return I2cStatus::bad_argument;
    while (len > 0) {
        size_t room = geometry_.page - (at & (geometry_.page - 1u));
        size_t n = len < room ? len : room;
        uint8_t frame[2 + max_page];
        size_t alen = put_address(at, frame);
        for (size_t i = 0; i < n; ++i) frame[alen + i] = data[i];
        I2cStatus s = bus_.write(device(at), frame, alen + n, timeout);
        if (s != I2cStatus::ok) return s;
        ++pages_;
        s = wait_written(timeout);
        if (s != I2cStatus::ok) return s;
        at += static_cast<uint32_t>(n);
        data += n;
        len -= n;
    }
    return I2cStatus::ok;
}

// Acknowledge polling: the chip answers its address again once the page is written. A one-byte
// current-address read is the probe: it changes nothing the next transfer relies on. Data sheets
// give 5 to 10 ms a page; a chip still silent after write_cycle_limit has gone.
I2cStatus At24c::wait_written(weft::Timeout timeout) {
    const weft::Tick limit = weft::Timeout::after(write_cycle_limit);
    const weft::Tick deadline = limit < timeout.deadline ? limit : timeout.deadline;
    for (;;) {
        uint8_t probe;
        I2cStatus s = bus_.read(address_, &probe, 1, weft::until(deadline));
        if (s != I2cStatus::nack) return s;
        ++busy_polls_;
        if (weft::now() >= deadline) return I2cStatus::timed_out;
        // Sleeping, not yielding: others run, and a tickless clock keeps counting.
        if (weft::in_coroutine() && !port_in_irq() && !port_irqs_masked()) weft::sleep_for(poll_interval);
    }
}
