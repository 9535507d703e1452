// The SD card's SPI protocol (drivers/sd_spi.cpp) against a fake card behind a fake bus, and the
// protocol's checksums (drivers/sd_crc.h) against known values. The fake card checks the CRC7 of
// every command and the CRC16 of every block written, answers as the SD specification's SPI mode
// does, and can be told to fail in each of the ways a card does. Each byte on the bus takes a tick.
#include <deque>
#include <vector>

#include "harness.h"
#include "sd_crc.h"
#include "sd_spi.h"

using namespace weft;
using namespace weft::test;

namespace {

WEFT_POOL_STATIC(pool, 2, 65536);

class FakeCard : public SpiBus {
public:
    bool present = true;
    bool version2 = true;
    bool high_capacity = true;
    uint32_t blocks = 64 * 1024;  // what the CSD says: a multiple of 1024 for high capacity, of 4 else
    // Failures to give.
    int r1_error_at = -1;      // this address (as sent) answers R1 with the address error bit
    int token_error_at = -1;   // a read of this address gives a data error token (out of range)
    int bad_crc_at = -1;       // a read of this address comes with a wrong CRC16
    uint8_t write_response = 0x05;
    bool busy_forever = false;

    std::vector<uint8_t> memory;
    std::vector<int> commands;  // every command's index, in order
    int crc_errors = 0;         // commands and blocks that came with a wrong checksum
    int stray_bytes = 0;        // bytes clocked while selected that the card could not place

    FakeCard() : memory(64 * 512) {
        for (size_t i = 0; i < memory.size(); ++i) memory[i] = static_cast<uint8_t>(i * 7 + i / 512);
    }

    void select(unsigned device, bool active) override { selected_ = device == 0 && active; }
    uint32_t set_clock(uint32_t hz) override { return hz; }
    Status transfer(const uint8_t* tx, uint8_t* rx, size_t len, Timeout timeout) override {
        return transfer_polled(tx, rx, len, timeout);
    }
    Status transfer_polled(const uint8_t* tx, uint8_t* rx, size_t len, Timeout) override {
        for (size_t i = 0; i < len; ++i) {
            uint8_t in = exchange(tx != nullptr ? tx[i] : fill);
            if (rx != nullptr) rx[i] = in;
        }
        port_host_advance(len);
        return Status::ok;
    }
    SpiStats stats() const override { return {}; }

private:
    uint8_t exchange(uint8_t in) {
        if (!selected_ || !present) return 0xFF;
        uint8_t out = 0xFF;
        if (!out_.empty()) {
            out = out_.front();
            out_.pop_front();
        } else if (busy_) {
            out = 0x00;
            if (!busy_forever) busy_ = false;
        }
        if (receiving_ > 0) {
            block_.push_back(in);
            if (--receiving_ == 0) end_block();
            return out;
        }
        if (writing_ && (in == 0xFE || in == 0xFC) && cmd_.empty()) {
            receiving_ = 514;
            block_.clear();
            return out;
        }
        if (writing_ && in == 0xFD && cmd_.empty()) {
            writing_ = false;
            out_.push_back(0xFF);
            busy_ = true;
            return out;
        }
        if (cmd_.empty() && (in & 0xC0) != 0x40) return out;
        cmd_.push_back(in);
        if (cmd_.size() == 6) command();
        return out;
    }

    void r1(uint8_t value) {
        out_.push_back(0xFF);
        out_.push_back(value);
    }

    void send_block(uint32_t byte_address) {
        out_.push_back(0xFF);
        if (static_cast<int>(byte_address / 512) == token_error_at) {
            out_.push_back(0x08);
            return;
        }
        out_.push_back(0xFE);
        const uint8_t* data = &memory[byte_address];
        out_.insert(out_.end(), data, data + 512);
        uint16_t crc = sd::crc16(data, 512);
        if (static_cast<int>(byte_address / 512) == bad_crc_at) crc ^= 1;
        out_.push_back(static_cast<uint8_t>(crc >> 8));
        out_.push_back(static_cast<uint8_t>(crc));
    }

    void end_block() {
        uint16_t crc = static_cast<uint16_t>(block_[512] << 8 | block_[513]);
        if (crc != sd::crc16(block_.data(), 512)) {
            ++crc_errors;
            out_.push_back(0x0B);
        } else {
            out_.push_back(write_response);
            if (write_response == 0x05) std::copy(block_.begin(), block_.begin() + 512, memory.begin() + address_);
        }
        busy_ = true;
        address_ += 512;
        if (!multiple_) writing_ = false;
    }

    void command() {
        const int index = cmd_[0] & 0x3F;
        const uint32_t arg = static_cast<uint32_t>(cmd_[1] << 24 | cmd_[2] << 16 | cmd_[3] << 8 | cmd_[4]);
        const bool crc_ok = (cmd_[5] >> 1) == sd::crc7(cmd_.data(), 5) && (cmd_[5] & 1);
        cmd_.clear();
        commands.push_back(index);
        out_.clear();
        if (index == 12) out_.push_back(0x3C);  // the stuff byte, any value
        if (!crc_ok) {
            ++crc_errors;
            return r1(0x08);
        }
        const uint8_t idle = ready_ ? 0 : 1;
        const bool app = app_;
        app_ = false;
        const uint32_t address = high_capacity ? arg * 512 : arg;
        switch (index) {
            case 0: ready_ = false; return r1(0x01);
            case 8:
                if (!version2) return r1(0x05);
                r1(idle);
                for (uint8_t b : {uint8_t(0), uint8_t(0), static_cast<uint8_t>(arg >> 8), static_cast<uint8_t>(arg)})
                    out_.push_back(b);
                return;
            case 55: app_ = true; return r1(idle);
            case 41:
                if (!app) return r1(0x05);
                if (++polls_ >= 3) ready_ = true;
                return r1(ready_ ? 0 : 1);
            case 58:
                r1(idle);
                out_.push_back(high_capacity && version2 ? 0xC0 : 0x80);
                for (int i = 0; i < 3; ++i) out_.push_back(0);
                return;
            case 16: return r1(arg == 512 ? 0 : 0x40);
            case 9: {
                r1(0);
                uint8_t csd[16] = {};
                if (high_capacity) {
                    csd[0] = 0x40;
                    uint32_t c_size = blocks / 1024 - 1;
                    csd[7] = static_cast<uint8_t>(c_size >> 16);
                    csd[8] = static_cast<uint8_t>(c_size >> 8);
                    csd[9] = static_cast<uint8_t>(c_size);
                } else {  // READ_BL_LEN 9, C_SIZE_MULT 0: (C_SIZE + 1) * 4 blocks
                    csd[5] = 9;
                    uint32_t c_size = blocks / 4 - 1;
                    csd[6] = static_cast<uint8_t>(c_size >> 10);
                    csd[7] = static_cast<uint8_t>(c_size >> 2);
                    csd[8] = static_cast<uint8_t>(c_size << 6);
                }
                out_.push_back(0xFF);
                out_.push_back(0xFE);
                out_.insert(out_.end(), csd, csd + 16);
                uint16_t crc = sd::crc16(csd, 16);
                out_.push_back(static_cast<uint8_t>(crc >> 8));
                out_.push_back(static_cast<uint8_t>(crc));
                return;
            }
            case 17:
            case 18:
                if (static_cast<int>(arg) == r1_error_at || address + 512 > memory.size()) return r1(0x20);
                r1(0);
                for (uint32_t a = address; a < memory.size() && a < address + (index == 18 ? 8u : 1u) * 512; a += 512)
                    send_block(a);
                return;
            case 12: r1(0); busy_ = true; return;
            case 24:
            case 25:
                if (static_cast<int>(arg) == r1_error_at || address + 512 > memory.size()) return r1(0x20);
                writing_ = true;
                multiple_ = index == 25;
                address_ = address;
                return r1(0);
            default: return r1(0x04);
        }
    }

    bool selected_ = false, ready_ = false, app_ = false, writing_ = false, multiple_ = false, busy_ = false;
    int polls_ = 0;
    size_t receiving_ = 0;
    uint32_t address_ = 0;
    std::vector<uint8_t> cmd_, block_;
    std::deque<uint8_t> out_;
};

class SdSpiTest : public KernelTest {
protected:
    SdSpiTest() : KernelTest(pool) {}
    // Runs `body` in a coroutine, as the driver's calls must be.
    void in_coroutine(Body body) {
        go(body);
        ASSERT_EQ(run(), Status::ok);
    }
    FakeCard card;
    SdSpi sd{card, 0, 25000000};
};

TEST(SdCrc, KnownValues) {
    const uint8_t cmd0[] = {0x40, 0, 0, 0, 0}, cmd8[] = {0x48, 0, 0, 1, 0xAA}, cmd17[] = {0x51, 0, 0, 0, 0};
    EXPECT_EQ(sd::crc7(cmd0, 5), 0x4A);  // sent as 0x95
    EXPECT_EQ(sd::crc7(cmd8, 5), 0x43);  // sent as 0x87
    EXPECT_EQ(sd::crc7(cmd17, 5), 0x2A);
    std::vector<uint8_t> ones(512, 0xFF);
    EXPECT_EQ(sd::crc16(ones.data(), ones.size()), 0x7FA1);  // the specification's example
    const uint8_t digits[] = {'1', '2', '3', '4', '5', '6', '7', '8', '9'};
    EXPECT_EQ(sd::crc16(digits, 9), 0x31C3);
    EXPECT_EQ(sd::crc16(digits + 4, 5, sd::crc16(digits, 4)), 0x31C3);  // continued
}

TEST_F(SdSpiTest, StartsAHighCapacityCard) {
    in_coroutine([&] {
        EXPECT_EQ(sd.read(0, nullptr, 1, forever), BlockStatus::not_ready);
        EXPECT_EQ(sd.init(within(100000)), BlockStatus::ok);
    });
    EXPECT_TRUE(sd.high_capacity());
    EXPECT_EQ(sd.block_count(), 64u * 1024);  // the CSD's, not the fake memory's
    EXPECT_EQ(card.crc_errors, 0);
    std::vector<int> expected = {0, 8, 55, 41, 55, 41, 55, 41, 58, 9};
    EXPECT_EQ(card.commands, expected);
}

TEST_F(SdSpiTest, StartsAVersion1CardByteAddressed) {
    card.version2 = false;
    card.high_capacity = false;
    card.blocks = 64;
    in_coroutine([&] {
        ASSERT_EQ(sd.init(within(100000)), BlockStatus::ok);
        std::vector<uint8_t> block(512 * 2);
        EXPECT_EQ(sd.read(3, block.data(), 2, within(100000)), BlockStatus::ok);
        EXPECT_TRUE(std::equal(block.begin(), block.end(), card.memory.begin() + 3 * 512));
    });
    EXPECT_FALSE(sd.high_capacity());
    EXPECT_EQ(sd.block_count(), 64u);
    std::vector<int> expected = {0, 8, 55, 41, 55, 41, 55, 41, 58, 16, 9, 18, 12};
    EXPECT_EQ(card.commands, expected);
    EXPECT_EQ(card.crc_errors, 0);
}

TEST_F(SdSpiTest, NoCardIsNoDevice) {
    card.present = false;
    in_coroutine([&] { EXPECT_EQ(sd.init(within(100000)), BlockStatus::no_device); });
    EXPECT_EQ(sd.block_count(), 0u);
    EXPECT_LT(t(), 1000u);  // told after a few bytes, not at the deadline
}

TEST_F(SdSpiTest, WritesBlocksWithTheirChecksums) {
    card.high_capacity = false;
    card.blocks = 64;
    in_coroutine([&] {
        ASSERT_EQ(sd.init(within(100000)), BlockStatus::ok);
        std::vector<uint8_t> data(512 * 3);
        for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>(i ^ 0x5A);
        EXPECT_EQ(sd.write(10, data.data(), 3, within(100000)), BlockStatus::ok);
        EXPECT_EQ(sd.try_write(20, data.data(), 1, within(100000)), BlockStatus::ok);
        EXPECT_TRUE(std::equal(data.begin(), data.end(), card.memory.begin() + 10 * 512));
        EXPECT_TRUE(std::equal(data.begin(), data.begin() + 512, card.memory.begin() + 20 * 512));
    });
    EXPECT_EQ(card.crc_errors, 0);
}

TEST_F(SdSpiTest, EveryErrorAnswerIsAStatus) {
    card.high_capacity = false;
    card.blocks = 64;
    card.r1_error_at = 4 * 512;
    card.token_error_at = 5;
    card.bad_crc_at = 6;
    in_coroutine([&] {
        ASSERT_EQ(sd.init(within(100000)), BlockStatus::ok);
        std::vector<uint8_t> block(512);
        EXPECT_EQ(sd.read(4, block.data(), 1, within(100000)), BlockStatus::device_error);
        EXPECT_EQ(sd.last_error(), 0x20);
        EXPECT_EQ(sd.read(5, block.data(), 1, within(100000)), BlockStatus::out_of_range);
        EXPECT_EQ(sd.read(6, block.data(), 1, within(100000)), BlockStatus::crc_error);
        EXPECT_EQ(sd.read(7, block.data(), 1, within(100000)), BlockStatus::ok);  // and the card still works
        card.write_response = 0x0D;
        EXPECT_EQ(sd.write(8, block.data(), 1, within(100000)), BlockStatus::device_error);
        EXPECT_EQ(sd.last_error() & 0x1F, 0x0D);
        card.write_response = 0x05;
        card.busy_forever = true;
        Tick deadline = t() + 5000;
        EXPECT_EQ(sd.write(9, block.data(), 1, until(deadline)), BlockStatus::timeout);
        EXPECT_GE(t(), deadline);
        EXPECT_LT(t(), deadline + 100);
    });
}

}  // namespace
