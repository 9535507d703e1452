// TI Stellaris I2C master. Each command written to MCS moves one byte (RUN), optionally after a
// START (or a repeated START) and before a STOP; the controller raises its interrupt when the byte
// is done, and MCS then says whether it was acknowledged.
//
// QEMU 7.2's model (hw/arm/stellaris.c) does each command at once, and a START that no device
// answers sets ARBLST and ERROR without BUSBSY and raises no interrupt, where the chip would set
// ADRACK and interrupt. So every command is followed by a look at MCS: ERROR with BUSY clear right
// after the write can only be that, since the chip shows a new command BUSY or, for the few cycles
// before it does, the previous command's clear ERROR; and ARBLST without BUSBSY (no other master
// holds the bus) is read as the address going unanswered.
#include "stellaris_i2c.h"

#include "mmio.h"
#include "port.h"
#include "weft/coroutine.h"

namespace {

using mmio::reg;

constexpr uintptr_t msa = 0x00;   // slave address << 1, bit 0: receive
constexpr uintptr_t mcs = 0x04;   // write: the command; read: the status
constexpr uintptr_t mdr = 0x08;   // the byte to send, or the one received
constexpr uintptr_t mtpr = 0x0C;  // SCL period: clock / (20 * (TPR + 1))
constexpr uintptr_t mimr = 0x10;  // bit 0: the master interrupt
constexpr uintptr_t mris = 0x14;
constexpr uintptr_t micr = 0x1C;
constexpr uintptr_t mcr = 0x20;  // bit 4: master enable

constexpr uint32_t run = 1u << 0, start = 1u << 1, stop = 1u << 2, ack = 1u << 3;  // commands
// Status. ERROR comes with ADRACK (address refused) or DATACK (byte refused), or with ARBLST.
constexpr uint32_t busy = 1u << 0, error = 1u << 1, arblst = 1u << 4, busbsy = 1u << 6;

struct Masked {
    port_irq_state saved = port_irq_save();
    ~Masked() { port_irq_restore(saved); }
};

}  // namespace

void StellarisI2c::init(uint32_t clock_hz, uint32_t scl_hz) {
    reg(base_ + mcr) = 1u << 4;
    // Rounded up, so SCL never runs faster than asked.
    uint32_t tpr = (clock_hz + 20 * scl_hz - 1) / (20 * scl_hz);
    reg(base_ + mtpr) = tpr > 0 ? tpr - 1 : 0;
    reg(base_ + mimr) = 1;
}

void StellarisI2c::interrupt() {
    ++interrupts_;
    reg(base_ + micr) = 1;
    // A completion after a timeout gave the transfer up has nothing left to drive.
    if (t_ != nullptr) advance();
}

// With interrupts masked: the first command of `t`.
void StellarisI2c::begin(const I2cTransfer& t) {
    t_ = &t;
    sent_ = got_ = 0;
    reading_ = false;
    status_ = I2cStatus::ok;
    if (t.tx_len > 0) {
        reg(base_ + msa) = uint32_t{t.address} << 1;
        reg(base_ + mdr) = t.tx[sent_++];
        issue(start | run | (t.tx_len == 1 && t.rx_len == 0 ? stop : 0));
    } else {
        reading_ = true;
        reg(base_ + msa) = uint32_t{t.address} << 1 | 1;
        issue(start | run | (t.rx_len == 1 ? stop : ack));
    }
}

// The command in flight has completed: takes its byte, then issues the next command or finishes.
void StellarisI2c::advance() {
    uint32_t status = reg(base_ + mcs);
    if (status & error) return fail(status);
    const I2cTransfer& t = *t_;
    if (reading_) t.rx[got_++] = static_cast<uint8_t>(reg(base_ + mdr));
    if (stopping_) return finish(I2cStatus::ok);
    if (sent_ < t.tx_len) {
        reg(base_ + mdr) = t.tx[sent_++];
        issue(run | (sent_ == t.tx_len && t.rx_len == 0 ? stop : 0));
    } else if (!reading_) {
        reading_ = true;
        reg(base_ + msa) = uint32_t{t.address} << 1 | 1;
        issue(start | run | (t.rx_len == 1 ? stop : ack));
    } else {
        issue(run | (got_ + 1 == t.rx_len ? stop : ack));
    }
}

void StellarisI2c::issue(uint32_t command) {
    stopping_ = (command & stop) != 0;
    reg(base_ + mcs) = command;
    uint32_t status = reg(base_ + mcs);
    if ((status & (error | busy)) == error) fail(status);
}

void StellarisI2c::fail(uint32_t status) {
    if ((status & arblst) && (status & busbsy)) return finish(I2cStatus::arbitration_lost);
    // A refused address or byte leaves the bus held: release it. After a lost arbitration it is
    // not ours to release.
    if (!(status & arblst)) reg(base_ + mcs) = stop;
    finish(I2cStatus::nack);
}

// Gives up the transfer in flight: a STOP ends whatever the controller was doing.
void StellarisI2c::abort() {
    if (reg(base_ + mcs) & busbsy) reg(base_ + mcs) = stop;
}

void StellarisI2c::finish(I2cStatus s) {
    status_ = s;
    t_ = nullptr;
    finished_.set();
}

I2cStatus StellarisI2c::exchange(const I2cTransfer& t, weft::Timeout timeout) {
    if (!weft::in_coroutine() || port_in_irq() || port_irqs_masked()) return exchange_polled(t, timeout);
    finished_.clear();
    {
        // The first byte's interrupt must find the transfer set up.
        Masked m;
        begin(t);
    }
    if (finished_.wait(timeout) != weft::Status::ok) {
        Masked m;
        // It may have finished between the timeout and the mask.
        if (t_ != nullptr) {
            abort();
            finish(I2cStatus::timed_out);
        }
        finished_.clear();
    }
    return status_;
}

I2cStatus StellarisI2c::exchange_polled(const I2cTransfer& t, weft::Timeout timeout) {
    Masked m;
    begin(t);
    while (t_ != nullptr) {
        if (reg(base_ + mris) & 1) {
            reg(base_ + micr) = 1;
            advance();
        } else if (timeout.passed()) {
            abort();
            finish(I2cStatus::timed_out);
        }
    }
    finished_.clear();
    return status_;
}
