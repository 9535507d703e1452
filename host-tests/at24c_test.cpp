// The AT24C driver (drivers/at24c.cpp) and the checks of I2cBus (drivers/i2c_bus.cpp) against a fake
// bus with one fake EEPROM on it, which behaves as the real chip does where QEMU's model does not:
// a write wraps within its page, and the chip refuses its address for a while after each page.
#include <string>
#include <vector>

#include "at24c.h"
#include "harness.h"

using namespace weft;
using namespace weft::test;

namespace {

WEFT_POOL_STATIC(pool, 2, 65536);

// What went over the bus: the device address, the bytes written, how many were read.
struct Sent {
    uint8_t address;
    std::vector<uint8_t> tx;
    size_t rx_len;
    bool operator==(const Sent&) const = default;
};

class FakeEeprom : public I2cBus {
public:
    FakeEeprom(uint8_t address, At24cGeometry g) : mem(g.size, 0xFF), address_(address), g_(g) {}

    std::vector<uint8_t> mem;
    std::vector<Sent> log;
    unsigned busy_after_write = 0;  // refusals after each page write
    unsigned refusals = 0;          // still to come

private:
    I2cStatus exchange(const I2cTransfer& t, Timeout) override { return wire(t); }
    I2cStatus exchange_polled(const I2cTransfer& t, Timeout) override { return wire(t); }

    // The devices answer addresses address_ to address_ + size / (256 ^ address bytes) - 1.
    I2cStatus wire(const I2cTransfer& t) {
        log.push_back({t.address, std::vector<uint8_t>(t.tx, t.tx + t.tx_len), t.rx_len});
        uint32_t blocks = g_.size >> (8 * g_.address_bytes);
        if (t.address < address_ || t.address >= address_ + (blocks > 0 ? blocks : 1)) return I2cStatus::nack;
        if (refusals > 0) {
            --refusals;
            return I2cStatus::nack;
        }
        uint32_t high = uint32_t{static_cast<uint8_t>(t.address - address_)} << (8 * g_.address_bytes);
        size_t n = 0;
        if (t.tx_len >= g_.address_bytes) {
            pointer_ = 0;
            for (; n < g_.address_bytes; ++n) pointer_ = pointer_ << 8 | t.tx[n];
            pointer_ = (pointer_ | high) % g_.size;
        }
        if (n < t.tx_len) {
            // A page write: the address counter's low bits wrap within the page.
            uint32_t page = pointer_ & ~uint32_t{g_.page - 1u};
            for (; n < t.tx_len; ++n) {
                mem[pointer_] = t.tx[n];
                pointer_ = page | ((pointer_ + 1) & (g_.page - 1u));
            }
            refusals = busy_after_write;
        }
        for (size_t i = 0; i < t.rx_len; ++i) {
            t.rx[i] = mem[pointer_];
            pointer_ = (pointer_ + 1) % g_.size;
        }
        return I2cStatus::ok;
    }

    uint8_t address_;
    At24cGeometry g_;
    uint32_t pointer_ = 0;
};

std::vector<uint8_t> bytes(size_t n, uint8_t first) {
    std::vector<uint8_t> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = static_cast<uint8_t>(first + i);
    return v;
}

// The page writes of a log: (memory address, data bytes) for a two-address-byte part.
std::vector<std::pair<uint32_t, size_t>> pages(const std::vector<Sent>& log) {
    std::vector<std::pair<uint32_t, size_t>> out;
    for (const Sent& s : log)
        if (s.tx.size() > 2) out.push_back({uint32_t{s.tx[0]} << 8 | s.tx[1], s.tx.size() - 2});
    return out;
}

class At24cDriver : public KernelTest {
protected:
    At24cDriver() : KernelTest(pool) {}
};

// 40 bytes from 0x5A on 32-byte pages: 6 to the end of the first page, a whole page, 2 on the
// third; all land where they belong, and nothing else changes.
TEST_F(At24cDriver, AWriteAcrossPageBoundariesIsSplitAtThem) {
    FakeEeprom bus(0x50, at24c32);
    At24c eeprom(bus, 0x50, at24c32);
    std::vector<uint8_t> data = bytes(40, 1);
    ASSERT_EQ(eeprom.write(0x5A, data.data(), data.size()), I2cStatus::ok);
    EXPECT_EQ(pages(bus.log), (std::vector<std::pair<uint32_t, size_t>>{{0x5A, 6}, {0x60, 32}, {0x80, 2}}));
    EXPECT_EQ(std::vector<uint8_t>(bus.mem.begin() + 0x5A, bus.mem.begin() + 0x82), data);
    EXPECT_EQ(bus.mem[0x59], 0xFF);
    EXPECT_EQ(bus.mem[0x82], 0xFF);
    EXPECT_EQ(bus.mem[0x40], 0xFF);  // a wrapped write would have landed here
    EXPECT_EQ(eeprom.pages_written(), 3u);
    std::vector<uint8_t> back(40);
    ASSERT_EQ(eeprom.read(0x5A, back.data(), back.size()), I2cStatus::ok);
    EXPECT_EQ(back, data);
}

TEST_F(At24cDriver, WholePagesAreOneTransactionEach) {
    FakeEeprom bus(0x50, at24c32);
    At24c eeprom(bus, 0x50, at24c32);
    std::vector<uint8_t> data = bytes(64, 0x10);
    ASSERT_EQ(eeprom.write(0x100, data.data(), data.size()), I2cStatus::ok);
    EXPECT_EQ(pages(bus.log), (std::vector<std::pair<uint32_t, size_t>>{{0x100, 32}, {0x120, 32}}));
}

// After each page the chip refuses its address a few times; the driver polls it, sleeping between
// polls, before the next page, and returns once the last page is written.
TEST_F(At24cDriver, EachPageWaitsForTheWriteCycleByAcknowledgePolling) {
    FakeEeprom bus(0x50, at24c32);
    bus.busy_after_write = 3;
    At24c eeprom(bus, 0x50, at24c32);
    I2cStatus s = I2cStatus::bad_argument;
    Body writer = [&] {
        std::vector<uint8_t> data = bytes(40, 1);
        s = eeprom.write(0x5A, data.data(), data.size(), within(tick_hz));
    };
    go(writer);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(s, I2cStatus::ok);
    EXPECT_EQ(eeprom.busy_polls(), 9u);
    EXPECT_EQ(bus.refusals, 0u);  // the last page's write cycle was waited out too
    EXPECT_EQ(port_host_now(), 9 * At24c::poll_interval);
}

TEST_F(At24cDriver, AChipThatNeverFinishesItsWriteTimesOut) {
    FakeEeprom bus(0x50, at24c32);
    bus.busy_after_write = 1000000;
    At24c eeprom(bus, 0x50, at24c32);
    I2cStatus s = I2cStatus::ok;
    Body writer = [&] {
        uint8_t b = 1;
        s = eeprom.write(0, &b, 1, forever);
    };
    go(writer);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(s, I2cStatus::timed_out);
    EXPECT_GE(port_host_now(), At24c::write_cycle_limit);
    EXPECT_LT(port_host_now(), At24c::write_cycle_limit + 2 * At24c::poll_interval);
}

TEST_F(At24cDriver, AnAbsentChipIsANackAndNothingMoreIsTried) {
    FakeEeprom bus(0x50, at24c32);
    At24c eeprom(bus, 0x51, at24c32);
    std::vector<uint8_t> data = bytes(40, 1);
    EXPECT_EQ(eeprom.write(0x5A, data.data(), data.size()), I2cStatus::nack);
    EXPECT_EQ(bus.log.size(), 1u);
    uint8_t b;
    EXPECT_EQ(eeprom.read(0, &b, 1), I2cStatus::nack);
}

TEST_F(At24cDriver, BadRangesAreRefusedWithNothingSent) {
    FakeEeprom bus(0x50, at24c32);
    At24c eeprom(bus, 0x50, at24c32);
    uint8_t buf[16] = {};
    EXPECT_EQ(eeprom.write(4090, buf, 10), I2cStatus::bad_argument);
    EXPECT_EQ(eeprom.read(4096, buf, 1), I2cStatus::bad_argument);
    EXPECT_EQ(eeprom.read(0, nullptr, 1), I2cStatus::bad_argument);
    At24c odd(bus, 0x50, {4096, 24, 2});  // a page that is not a power of two
    EXPECT_EQ(odd.write(0, buf, 1), I2cStatus::bad_argument);
    EXPECT_EQ(eeprom.write(0, buf, 0), I2cStatus::ok);
    EXPECT_TRUE(bus.log.empty());
}

// A 24C04: 512 bytes, one address byte; the ninth address bit goes in the device address, and a
// read across the 256-byte halves is two reads.
TEST_F(At24cDriver, SmallPartsPutHighAddressBitsInTheDeviceAddress) {
    constexpr At24cGeometry at24c04{512, 16, 1};
    FakeEeprom bus(0x50, at24c04);
    At24c eeprom(bus, 0x50, at24c04);
    std::vector<uint8_t> data = bytes(8, 0x40);
    ASSERT_EQ(eeprom.write(0xFC, data.data(), data.size()), I2cStatus::ok);
    EXPECT_EQ(bus.log[0], (Sent{0x50, {0xFC, 0x40, 0x41, 0x42, 0x43}, 0}));
    EXPECT_EQ(bus.log[2], (Sent{0x51, {0x00, 0x44, 0x45, 0x46, 0x47}, 0}));
    bus.log.clear();
    std::vector<uint8_t> back(8);
    ASSERT_EQ(eeprom.read(0xFC, back.data(), back.size()), I2cStatus::ok);
    EXPECT_EQ(back, data);
    EXPECT_EQ(bus.log, (std::vector<Sent>{{0x50, {0xFC}, 4}, {0x51, {0x00}, 4}}));
}

TEST_F(At24cDriver, TheBusRefusesWhatNoDeviceCouldTake) {
    FakeEeprom bus(0x50, at24c32);
    uint8_t b = 0;
    EXPECT_EQ(bus.read(0x80, &b, 1), I2cStatus::bad_argument);
    EXPECT_EQ(bus.transfer({0x50, nullptr, 0, nullptr, 0}), I2cStatus::bad_argument);
    EXPECT_EQ(bus.transfer({0x50, nullptr, 1, nullptr, 0}), I2cStatus::bad_argument);
    EXPECT_EQ(bus.transfer_polled({0x50, nullptr, 0, &b, 0}), I2cStatus::bad_argument);
    EXPECT_TRUE(bus.log.empty());
    EXPECT_STREQ(to_string(I2cStatus::nack), "nack");
    EXPECT_STREQ(to_string(I2cStatus::timed_out), "timed out");
}

}  // namespace
