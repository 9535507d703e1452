// The checks and the bus lock every I2C master driver shares.
#include "i2c_bus.h"

#include "port.h"
#include "weft/coroutine.h"

namespace {

// Where waiting for the bus is possible: a coroutine, interrupts on, not a handler.
bool may_wait() { return weft::in_coroutine() && !port_in_irq() && !port_irqs_masked(); }

bool valid(const I2cTransfer& t) {
    return t.address <= 0x7F && (t.tx_len > 0 || t.rx_len > 0) && (t.tx_len == 0 || t.tx != nullptr) &&
           (t.rx_len == 0 || t.rx != nullptr);
}

}  // namespace

const char* to_string(I2cStatus s) {
    switch (s) {
        case I2cStatus::ok: return "ok";
        case I2cStatus::nack: return "nack";
        case I2cStatus::arbitration_lost: return "arbitration lost";
        case I2cStatus::timed_out: return "timed out";
        case I2cStatus::busy: return "busy";
        case I2cStatus::bad_argument: return "bad argument";
    }
    return "?";
}

I2cStatus I2cBus::transfer(const I2cTransfer& t, weft::Timeout timeout) {
    if (!valid(t)) return I2cStatus::bad_argument;
    // Elsewhere no coroutine can run to release the bus, so none holds it.
    if (!may_wait()) return exchange(t, timeout);
    weft::LockGuard bus(held_, timeout);
    if (!bus.locked()) return I2cStatus::timed_out;
    return exchange(t, timeout);
}

I2cStatus I2cBus::try_transfer(const I2cTransfer& t, weft::Timeout timeout) {
    if (!valid(t)) return I2cStatus::bad_argument;
    if (!may_wait()) return exchange(t, timeout);
    if (held_.try_lock() != weft::Status::ok) return I2cStatus::busy;
    I2cStatus s = exchange(t, timeout);
    (void)held_.unlock();
    return s;
}

I2cStatus I2cBus::transfer_polled(const I2cTransfer& t, weft::Timeout timeout) {
    if (!valid(t)) return I2cStatus::bad_argument;
    if (may_wait()) {
        if (held_.try_lock() != weft::Status::ok) return I2cStatus::busy;
        I2cStatus s = exchange_polled(t, timeout);
        (void)held_.unlock();
        return s;
    }
    return exchange_polled(t, timeout);
}
