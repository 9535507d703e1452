// Channels: blocking and non-blocking, timeouts, direct hand-over, 100,000 messages in order.
#include <chrono>

#include "kernel_test.h"

using namespace weft;
using namespace weft::test;
using namespace std::chrono_literals;

namespace {

class Channels : public PoolTest {
protected:
    Channels() : PoolTest(pool) {}
};

struct Message {
    uint32_t seq;
    uint16_t from;
    uint8_t payload[10];
};

const char* const digits[] = {"0", "1", "2", "3", "4"};

TEST_F(Channels, TryVariantsReportFullAndEmptyAndLoseNothing) {
    Channel<int, 3> ch;
    EXPECT_EQ(ch.capacity(), 3u);
    int out = -1;
    EXPECT_EQ(ch.try_receive(out), Status::would_block);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(ch.try_send(i), Status::ok);
    EXPECT_EQ(ch.try_send(99), Status::would_block);  // full: refused, the caller still has it
    EXPECT_EQ(ch.size(), 3u);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(ch.try_receive(out), Status::ok);
        EXPECT_EQ(out, i);
    }
    EXPECT_EQ(ch.try_receive(out), Status::would_block);
}

TEST_F(Channels, SendWaitsWhileFullAndReceiveWaitsWhileEmpty) {
    Trace trace;
    Channel<int, 2> ch;
    auto producer = [&] {
        for (int i = 0; i < 5; ++i) {
            EXPECT_EQ(ch.send(i), Status::ok);
            trace("sent ", digits[i]);
        }
    };
    auto consumer = [&] {
        for (int i = 0; i < 5; ++i) {
            int v = -1;
            EXPECT_EQ(ch.receive(v), Status::ok);
            trace("got ", digits[v]);
        }
    };
    go(producer);
    go(consumer);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(trace.is("sent 0", "sent 1", "got 0", "got 1", "got 2", "sent 2", "sent 3", "sent 4", "got 3",
                         "got 4"));
}

TEST_F(Channels, TimeoutsOnBothEnds) {
    Channel<int, 1> ch;
    auto b = [&] {
        int v = 0;
        EXPECT_EQ(ch.receive(v, 1ms), Status::timeout);
        EXPECT_TICKS(elapsed(), to_ticks(1ms));
        EXPECT_EQ(ch.send(1), Status::ok);
        EXPECT_EQ(ch.send(2, 1ms), Status::timeout);
        EXPECT_TICKS(elapsed(), to_ticks(2ms));
        EXPECT_EQ(ch.size(), 1u);  // the timed-out item was not half-sent
        EXPECT_EQ(ch.receive(v), Status::ok);
        EXPECT_EQ(v, 1);
    };
    go(b);
    EXPECT_EQ(run(), Status::ok);
}

TEST_F(Channels, AHundredThousandMessagesNoneLostOrReordered) {
    constexpr uint32_t total = 100000;
    Channel<Message, 16> ch;
    uint32_t received = 0;
    bool in_order = true;
    auto producer = [&] {
        for (uint32_t i = 0; i < total; ++i) {
            Message m{i, 7, {}};
            m.payload[i % 10] = static_cast<uint8_t>(i);
            ASSERT_EQ(ch.send(m), Status::ok);
            if (i % 1000 == 0) yield();  // vary the fill level
        }
    };
    auto consumer = [&] {
        for (uint32_t i = 0; i < total; ++i) {
            Message m{};
            ASSERT_EQ(ch.receive(m), Status::ok);
            in_order = in_order && m.seq == i && m.from == 7 && m.payload[i % 10] == static_cast<uint8_t>(i);
            ++received;
            if (i % 7777 == 0) sleep_for(1);
        }
    };
    go(producer);
    go(consumer);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(received, total);
    EXPECT_TRUE(in_order);
}

TEST_F(Channels, SeveralProducersEachKeepTheirOrder) {
    Channel<Message, 4> ch;
    uint32_t next[3] = {0, 0, 0};
    bool ok = true;
    auto producer = [&] {
        auto from = static_cast<uint16_t>(me()[0] - '0');
        for (uint32_t i = 0; i < 1000; ++i) ASSERT_EQ(ch.send(Message{i, from, {}}), Status::ok);
    };
    auto consumer = [&] {
        for (int i = 0; i < 3000; ++i) {
            Message m{};
            ASSERT_EQ(ch.receive(m), Status::ok);
            ok = ok && m.from < 3 && m.seq == next[m.from]++;
        }
    };
    go(producer, "0");
    go(producer, "1");
    go(producer, "2");
    go(consumer);
    EXPECT_EQ(run(), Status::ok);
    EXPECT_TRUE(ok);
    EXPECT_EQ(next[0] + next[1] + next[2], 3000u);
}

}  // namespace
