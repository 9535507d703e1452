// The hardware-independent part of every UART driver (drivers/uart.cpp) against a fake device whose
// receive interrupt is a fake interrupt line: the rings, the waiting and the counters.
#include <string>

#include "harness.h"
#include "uart.h"

using namespace weft;
using namespace weft::test;

namespace {

WEFT_POOL_STATIC(pool, 4, 65536);

constexpr unsigned rx_line = 4;

// Bytes "arrive" as one interrupt each burst, as a UART with a FIFO delivers them; sent bytes go
// straight out, as from a transmitter that never fills.
class FakeUart : public Uart {
public:
    FakeUart() { port_host_irq_attach(rx_line, [](void* p) { static_cast<FakeUart*>(p)->irq(); }, this); }

    // Makes `bytes` arrive in one interrupt.
    void arrive(const std::string& bytes) {
        incoming_ = bytes;
        port_host_irq_raise(rx_line);
    }

    std::string out;

private:
    void start_tx() override {
        for (uint8_t b; next_tx(b);) out += static_cast<char>(b);
    }
    void put_polled(uint8_t byte) override { out += static_cast<char>(byte); }

    void irq() {
        for (char c : incoming_) received(static_cast<uint8_t>(c));
        incoming_.clear();
        wake();
    }

    std::string incoming_;
};

class UartDriver : public KernelTest {
protected:
    UartDriver() : KernelTest(pool) {}
};

// Two readers wait; one interrupt brings two bytes and wakes one of them, who takes one byte and
// passes the wake-up on, so the other is not left asleep while a byte waits in the ring.
TEST_F(UartDriver, TwoReadersEachGetAByteOfOneBurst) {
    FakeUart uart;
    Trace trace;
    Coroutine* a = nullptr;
    Coroutine* b = nullptr;
    auto reader = [&](const char* me) {
        char c = 0;
        Result<size_t> n = uart.read(&c, 1, within(1000));
        trace(std::string(me) + (n.ok() ? std::string(" got ") + c : std::string(" timed out")));
    };
    Body ra = [&] { reader("a"); };
    Body rb = [&] { reader("b"); };
    Body device = [&] {
        while (state(a) != State::waiting || state(b) != State::waiting) yield();
        uart.arrive("xy");
    };
    a = go(ra, "a");
    b = go(rb, "b");
    go(device, "device");
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(trace.events(), (Events{"a got x", "b got y"}));
    EXPECT_EQ(port_host_now(), 0u);  // neither waited for its timeout
    EXPECT_EQ(uart.stats().received, 2u);
}

// A reader that takes everything leaves no stale wake-up behind: the next read waits.
TEST_F(UartDriver, AReadThatEmptiesTheRingLeavesNoWakeUp) {
    FakeUart uart;
    Result<size_t> second = Status::ok;
    Body reader = [&] {
        char buf[8];
        uart.arrive("abc");
        Result<size_t> first = uart.read(buf, sizeof buf, within(1000));
        EXPECT_TRUE(first.ok() && *first == 3u);
        second = uart.read(buf, sizeof buf, within(1000));
    };
    go(reader);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(second.status(), Status::timeout);
    EXPECT_EQ(port_host_now(), 1000u);
}

// More than the ring holds arrives while nobody reads: the ring keeps exactly the first
// rx_capacity bytes, in order, and the rest are counted as dropped.
TEST_F(UartDriver, AFullReceiveRingKeepsTheFirstBytesAndCountsTheRest) {
    FakeUart uart;
    std::string burst;
    for (size_t i = 0; i < Uart::rx_capacity + 10; ++i) burst += static_cast<char>('A' + i % 26);
    uart.arrive(burst);
    char kept[Uart::rx_capacity + 1];
    EXPECT_EQ(uart.try_read(kept, sizeof kept), Uart::rx_capacity);
    EXPECT_EQ(std::string(kept, Uart::rx_capacity), burst.substr(0, Uart::rx_capacity));
    EXPECT_EQ(uart.stats().received, Uart::rx_capacity);
    EXPECT_EQ(uart.stats().dropped, 10u);
    EXPECT_EQ(uart.stats().holds, 0u);
}

// A device that holds what the full ring cannot take, as the nRF51's driver does (rx_hold()): its
// interrupt stops at the full ring and stays masked until the reader's take resumes it, which
// raises the line again for what the device kept. Nothing is dropped.
class HoldingUart : public Uart {
public:
    HoldingUart() {
        port_host_irq_attach(rx_line, [](void* p) { static_cast<HoldingUart*>(p)->irq(); }, this);
    }

    void arrive(const std::string& bytes) {
        incoming_ += bytes;
        if (!masked_) port_host_irq_raise(rx_line);
    }

    unsigned resumes = 0;

private:
    void start_tx() override {}
    void put_polled(uint8_t) override {}
    void rx_resume() override {
        ++resumes;
        masked_ = false;
        if (!incoming_.empty()) port_host_irq_raise(rx_line);
    }

    void irq() {
        size_t i = 0;
        for (; i < incoming_.size(); ++i) {
            if (rx_ring_full()) {
                masked_ = true;
                rx_hold();
                break;
            }
            received(static_cast<uint8_t>(incoming_[i]));
        }
        incoming_.erase(0, i);
        wake();
    }

    std::string incoming_;
    bool masked_ = false;
};

// Three ringfuls arrive at once; a reader taking 10 bytes at a time gets every one, in order, and
// the handler was held twice or more and resumed as often, with nothing dropped.
TEST_F(UartDriver, AHandlerThatHoldsInputBackLosesNothing) {
    HoldingUart uart;
    std::string burst;
    for (size_t i = 0; i < 3 * Uart::rx_capacity; ++i) burst += static_cast<char>('A' + i % 26);
    std::string got;
    Body reader = [&] {
        char buf[10];
        while (got.size() < burst.size()) {
            Result<size_t> n = uart.read(buf, sizeof buf, within(1000));
            if (!n) return;
            got.append(buf, *n);
        }
    };
    Body device = [&] { uart.arrive(burst); };
    go(device, "device");
    go(reader, "reader");
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(got, burst);
    UartStats st = uart.stats();
    EXPECT_EQ(st.dropped, 0u);
    EXPECT_EQ(st.received, burst.size());
    EXPECT_GE(st.holds, 2u);
    EXPECT_EQ(uart.resumes, st.holds);
    EXPECT_EQ(port_host_now(), 0u);  // no read waited for its timeout
}

}  // namespace
