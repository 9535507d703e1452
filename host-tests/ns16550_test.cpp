// The NS16550 driver (drivers/ns16550.h) against a fake 16550 behind a fake Bus, modelling what the
// driver relies on from the datasheet: the divisor latch, the FIFOs, IER, LSR and its error flags,
// and an interrupt output on a fake interrupt line. Every register access the driver makes is
// traced, so a test can hold the driver to an exact sequence where the sequence is the contract.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "harness.h"
#include "ns16550.h"

using namespace weft;
using namespace weft::test;

namespace {

WEFT_POOL_STATIC(pool, 4, 65536);

constexpr unsigned uart_line = 10;

// The bits the driver does not name, from the datasheet.
constexpr uint8_t lsr_oe = 1u << 1, lsr_pe = 1u << 2, lsr_fe = 1u << 3, lsr_bi = 1u << 4;
constexpr uint8_t lsr_temt = 1u << 6;
constexpr uint8_t lcr_dlab = 0x80;
constexpr uint8_t fcr_enable = 1u << 0, fcr_clear_rx = 1u << 1, fcr_clear_tx = 1u << 2;
constexpr uint8_t mcr_out2 = 1u << 3;
constexpr uint8_t iir_none = 0x01, iir_thre = 0x02, iir_rda = 0x04, iir_rls = 0x06, iir_fifos = 0xC0;

// A 16550 as the datasheet describes it, to the depth the driver uses. Not modelled: the modem
// lines, loopback, the receive trigger levels above one byte with their character timeout, and
// LSR bit 7. The transmitter sends only when the test says (transmit()), or, to stand for time
// passing while the driver polls, every few LSR reads (transmit_while_polled()).
class FakeNs16550 {
public:
    // The interrupt output drives the host's fake line `uart_line`, whose handler is handler(arg).
    void connect(void (*handler)(void*), void* arg) {
        handler_ = handler;
        arg_ = arg;
        port_host_irq_attach(
            uart_line, [](void* p) { static_cast<FakeNs16550*>(p)->take_interrupt(); }, this);
    }

    // The driver's side, through FakeBus. Each access ends with the line's update, since a raise
    // on an unmasked line runs the handler at once, inside the call.
    uint8_t read(unsigned index) {
        uint8_t value = 0;
        switch (index) {
        case 0: value = dlab() ? dll_ : read_rbr(); break;
        case 1: value = dlab() ? dlm_ : ier_; break;
        case 2: value = read_iir(); break;
        case 3: value = lcr_; break;
        case 4: value = mcr_; break;
        case 5: value = read_lsr(); break;
        case 6: value = 0; break;  // MSR: no modem lines here
        case 7: value = scr_; break;
        default: ADD_FAILURE() << "read of register index " << index; break;
        }
        record('r', index, value);
        update_line();
        return value;
    }

    void write(unsigned index, uint8_t value) {
        record('w', index, value);
        switch (index) {
        case 0:
            if (dlab())
                dll_ = value;
            else
                write_thr(value);
            break;
        case 1:
            if (dlab())
                dlm_ = value;
            else
                write_ier(value);
            break;
        case 2: write_fcr(value); break;
        case 3: lcr_ = value; break;
        case 4: mcr_ = value; break;
        case 5: case 6: break;  // LSR and MSR: factory test only
        case 7: scr_ = value; break;
        default: ADD_FAILURE() << "write of register index " << index; break;
        }
        update_line();
    }

    // The line's side. Bytes arriving, none with an error.
    void arrive(const std::string& bytes) {
        for (char c : bytes) land(static_cast<uint8_t>(c), 0);
        update_line();
    }

    // A byte arriving with the error flags LSR shows once it is at the top of the FIFO.
    void arrive_bad(char byte, uint8_t errors) {
        land(static_cast<uint8_t>(byte), errors);
        update_line();
    }

    // LSR flags `errors` with no byte to go with them.
    void flag(uint8_t errors) {
        lsr_errors_ |= errors;
        update_line();
    }

    // The transmitter puts up to `n` bytes from its FIFO on the wire.
    void transmit(size_t n = SIZE_MAX) {
        shift_out(n);
        update_line();
    }

    // From now on the transmitter also sends a byte every `n`th LSR read that finds it busy.
    void transmit_while_polled(unsigned n) { poll_period_ = n; }

    // Runs `hook` once, just before the driver's next LSR read is answered: something that
    // happened in the instant before the driver looked.
    void before_next_lsr_read(std::function<void()> hook) { lsr_hook_ = std::move(hook); }

    // What the transmitter has sent, in order.
    std::string wire;
    // Every register access by the driver ("w LCR 0x80", "r LSR 0x60"), and "irq" / "irq end"
    // around each run of its handler.
    Trace trace;

    uint8_t ier() const { return ier_; }
    uint8_t lcr() const { return dlab() ? 0 : lcr_; }
    uint8_t mcr() const { return mcr_; }
    uint16_t divisor() const { return static_cast<uint16_t>(dlm_ << 8 | dll_); }
    bool fifos_enabled() const { return fifos_; }
    size_t tx_level() const { return tx_.size(); }
    size_t rx_level() const { return rx_.size(); }
    uint8_t lsr_errors() const { return lsr_errors_; }
    // Handler runs, and those a THR-empty interrupt caused that found nothing to send.
    unsigned interrupts() const { return interrupts_; }
    unsigned idle_thre_interrupts() const { return idle_thre_interrupts_; }
    // THR writes into a full transmit FIFO: each loses its byte.
    unsigned tx_overflows() const { return tx_overflows_; }

private:
    struct Received {
        uint8_t byte;
        uint8_t errors;
    };

    bool dlab() const { return (lcr_ & lcr_dlab) != 0; }
    size_t depth() const { return fifos_ ? ns16550::fifo : 1; }

    void land(uint8_t byte, uint8_t errors) {
        if (rx_.size() == depth()) {
            if (fifos_) {
                lsr_errors_ |= lsr_oe;  // the FIFO keeps what it has; this byte is lost
                return;
            }
            rx_.clear();  // without FIFOs the new byte overwrites the unread one
            lsr_errors_ |= lsr_oe;
        }
        rx_.push_back({byte, errors});
        if (rx_.size() == 1) lsr_errors_ |= errors;
    }

    uint8_t read_rbr() {
        if (rx_.empty()) return last_rbr_;
        last_rbr_ = rx_.front().byte;
        rx_.pop_front();
        // The next byte's error flags show in LSR once it reaches the top.
        if (!rx_.empty()) lsr_errors_ |= rx_.front().errors;
        return last_rbr_;
    }

    // Reading LSR clears the error flags it reports.
    uint8_t read_lsr() {
        if (lsr_hook_) {
            std::function<void()> hook = std::move(lsr_hook_);
            lsr_hook_ = nullptr;
            hook();
        }
        if (poll_period_ != 0 && !tx_.empty() && ++polls_ == poll_period_) {
            polls_ = 0;
            shift_out(1);
        }
        uint8_t value = static_cast<uint8_t>((rx_.empty() ? 0 : ns16550::lsr_data) | lsr_errors_ |
                                             (tx_.empty() ? ns16550::lsr_thr_empty | lsr_temt : 0));
        lsr_errors_ = 0;
        return value;
    }

    // The highest-priority interrupt pending, as IIR reports it; reading it clears a THR-empty one.
    uint8_t source() const {
        if ((ier_ & ns16550::ier_line) && lsr_errors_ != 0) return iir_rls;
        if ((ier_ & ns16550::ier_rx) && !rx_.empty()) return iir_rda;
        if ((ier_ & ns16550::ier_tx) && thre_pending_) return iir_thre;
        return iir_none;
    }

    uint8_t read_iir() {
        uint8_t s = source();
        if (s == iir_thre) thre_pending_ = false;
        return static_cast<uint8_t>(s | (fifos_ ? iir_fifos : 0));
    }

    void write_thr(uint8_t byte) {
        ++thr_writes_;
        thre_pending_ = false;
        if (tx_.size() == depth())
            ++tx_overflows_;
        else
            tx_.push_back(byte);
    }

    // Enabling the THR-empty interrupt while THR is empty raises it at once.
    void write_ier(uint8_t value) {
        bool was = (ier_ & ns16550::ier_tx) != 0;
        ier_ = value & 0x0F;
        if (!was && (ier_ & ns16550::ier_tx) && tx_.empty()) thre_pending_ = true;
    }

    // Changing FIFO mode empties both FIFOs, as each clear bit empties its own.
    void write_fcr(uint8_t value) {
        bool enable = (value & fcr_enable) != 0;
        if (enable != fifos_) {
            rx_.clear();
            clear_tx();
        }
        fifos_ = enable;
        if (!enable) return;  // the other bits are written only with FIFO enable set
        if (value & fcr_clear_rx) rx_.clear();
        if (value & fcr_clear_tx) clear_tx();
        if (value >> 6 != 0) ADD_FAILURE() << "receive trigger level above one byte: not modelled";
    }

    void clear_tx() {
        if (tx_.empty()) return;
        tx_.clear();
        thre_pending_ = true;
    }

    void shift_out(size_t n) {
        for (; n > 0 && !tx_.empty(); --n) {
            wire += static_cast<char>(tx_.front());
            tx_.pop_front();
            if (tx_.empty()) thre_pending_ = true;
        }
    }

    // The interrupt output, gated by OUT2 as on a PC, where the x86 port will run this driver.
    bool asserted() const { return (mcr_ & mcr_out2) != 0 && source() != iir_none; }

    // The line is level-triggered, as the PLIC sees it: raised whenever the output is asserted
    // outside the handler, and again when a handler run ends with it still asserted.
    void update_line() {
        if (!in_handler_ && asserted()) port_host_irq_raise(uart_line);
    }

    void take_interrupt() {
        bool thre = (ier_ & ns16550::ier_tx) != 0 && thre_pending_;
        unsigned writes_before = thr_writes_;
        trace("irq");
        ++interrupts_;
        in_handler_ = true;
        handler_(arg_);
        in_handler_ = false;
        trace("irq end");
        if (thre && thr_writes_ == writes_before) ++idle_thre_interrupts_;
        if (!asserted()) {
            back_to_back_ = 0;
        } else if (++back_to_back_ > 1000) {
            ADD_FAILURE() << "the handler leaves the interrupt asserted: " << trace.events().back();
        } else {
            port_host_irq_raise(uart_line);
        }
    }

    void record(char op, unsigned index, uint8_t value) {
        static const char* const names[2][8] = {{"RBR", "IER", "IIR", "LCR", "MCR", "LSR", "MSR", "SCR"},
                                                {"THR", "IER", "FCR", "LCR", "MCR", "LSR", "MSR", "SCR"}};
        const char* name = index > 7 ? "???" : dlab() && index < 2 ? (index == 0 ? "DLL" : "DLM")
                                                                   : names[op == 'w'][index];
        char event[16];
        snprintf(event, sizeof event, "%c %s 0x%02x", op, name, value);
        trace(event);
    }

    void (*handler_)(void*) = nullptr;
    void* arg_ = nullptr;
    uint8_t ier_ = 0, lcr_ = 0, mcr_ = 0, scr_ = 0, dll_ = 0, dlm_ = 0;
    bool fifos_ = false;
    std::deque<Received> rx_;
    std::deque<uint8_t> tx_;
    uint8_t last_rbr_ = 0;
    uint8_t lsr_errors_ = 0;
    bool thre_pending_ = false;
    unsigned poll_period_ = 0, polls_ = 0;
    std::function<void()> lsr_hook_;
    bool in_handler_ = false;
    unsigned back_to_back_ = 0;
    unsigned interrupts_ = 0, idle_thre_interrupts_ = 0, tx_overflows_ = 0, thr_writes_ = 0;
};

// A pointer, so the driver's copy of its Bus is one word, as the MMIO Bus's base address is.
struct FakeBus {
    FakeNs16550* dev;
    uint8_t read(unsigned index) const { return dev->read(index); }
    void write(unsigned index, uint8_t value) const { dev->write(index, value); }
};

using Driver = Ns16550<FakeBus>;

// The board: the fake's line goes to the driver's handler. Built inside the test, after the
// fixture has reset the fake interrupt lines.
struct Board {
    FakeNs16550 dev;
    Driver uart{FakeBus{&dev}};
    Board() {
        dev.connect([](void* p) { static_cast<Driver*>(p)->interrupt(); }, &uart);
    }
    // init() at an arbitrary divisor, with the trace cleared after it.
    void start() {
        uart.init(1);
        dev.trace.clear();
    }
};

bool is(const std::string& event, const char* what) { return event.compare(0, strlen(what), what) == 0; }

// A traced access's value: every name is three letters.
uint8_t value_of(const std::string& event) {
    return static_cast<uint8_t>(strtoul(event.c_str() + 6, nullptr, 16));
}

std::string hex(uint8_t value) {
    char s[8];
    snprintf(s, sizeof s, "0x%02x", value);
    return s;
}

// Each run of consecutive THR writes in `events`: how long, and whether the access just before it
// was an LSR read that showed THR (in FIFO mode, the whole transmit FIFO) empty.
struct ThrRun {
    size_t length;
    bool after_empty;
};

std::vector<ThrRun> thr_runs(const Events& events) {
    std::vector<ThrRun> runs;
    for (size_t i = 0; i < events.size(); ++i) {
        if (!is(events[i], "w THR")) continue;
        bool after_empty =
            i > 0 && is(events[i - 1], "r LSR") && (value_of(events[i - 1]) & ns16550::lsr_thr_empty);
        size_t start = i;
        while (i + 1 < events.size() && is(events[i + 1], "w THR")) ++i;
        runs.push_back({i - start + 1, after_empty});
    }
    return runs;
}

std::string letters(size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += static_cast<char>('!' + i % 90);
    return s;
}

class Ns16550Driver : public KernelTest {
protected:
    Ns16550Driver() : KernelTest(pool) {}
};

// init() sets 8N1 and the divisor through DLAB, turns the FIFOs on emptied of anything stale, sets
// OUT2 and enables the receive and line-status interrupts, in exactly this order.
TEST_F(Ns16550Driver, InitProgramsTheLineAndEnablesTheReceiveInterrupts) {
    Board board;
    board.dev.arrive("?");  // left from before init, which must not deliver it
    board.uart.init(0x1234);
    EXPECT_EQ(board.dev.trace.events(), (Events{"w IER 0x00", "w LCR 0x80", "w DLL 0x34", "w DLM 0x12",
                                                "w LCR 0x03", "w FCR 0x07", "w MCR 0x08", "w IER 0x05"}));
    EXPECT_EQ(board.dev.divisor(), 0x1234);
    EXPECT_EQ(board.dev.lcr(), 0x03);
    EXPECT_TRUE(board.dev.fifos_enabled());
    EXPECT_EQ(board.dev.rx_level(), 0u);
    EXPECT_EQ(board.dev.interrupts(), 0u);
    EXPECT_EQ(board.uart.stats().received, 0u);
}

// A reader blocked in read() is woken by a burst of a full FIFO's worth, which the handler drains
// in one run, each byte checked against LSR first, and counts.
TEST_F(Ns16550Driver, ABurstWakesABlockedReaderAndIsTakenInOneInterrupt) {
    Board board;
    board.start();
    const std::string burst = letters(ns16550::fifo);
    std::string got;
    Coroutine* reader_co = nullptr;
    Body reader = [&] {
        char buf[Uart::rx_capacity];
        Result<size_t> n = board.uart.read(buf, sizeof buf, within(1000));
        if (n.ok()) got.assign(buf, *n);
    };
    Body line = [&] {
        while (state(reader_co) != State::waiting) yield();
        board.dev.arrive(burst);
    };
    reader_co = go(reader, "reader");
    go(line, "line");
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(got, burst);
    EXPECT_EQ(port_host_now(), 0u);  // woken, not timed out
    Events expected{"irq"};
    for (char c : burst) {
        expected.push_back("r LSR 0x61");
        expected.push_back("r RBR " + hex(static_cast<uint8_t>(c)));
    }
    // IER already has the THR-empty interrupt off: not written again.
    expected.insert(expected.end(), {"r LSR 0x60", "irq end"});
    EXPECT_EQ(board.dev.trace.events(), expected);
    EXPECT_EQ(board.uart.stats().received, ns16550::fifo);
    EXPECT_EQ(board.uart.stats().interrupts, 1u);
}

// Every error LSR reports is counted once, whether it comes with a byte (framing, parity, a break
// with both flags, an overrun of the FIFO) or alone, and the byte it came with is still received.
TEST_F(Ns16550Driver, EachLineErrorIsCountedOnceAndItsByteKept) {
    Board board;
    board.start();
    auto counts = [&] {
        UartStats s = board.uart.stats();
        return std::vector<uint32_t>{s.overruns, s.received, s.interrupts};
    };

    board.dev.arrive_bad('a', lsr_fe);
    EXPECT_EQ(counts(), (std::vector<uint32_t>{1, 1, 1}));

    port_irq_state masked = port_irq_save();  // three bytes in the FIFO before the handler runs
    board.dev.arrive("b");
    board.dev.arrive_bad('c', lsr_pe);
    board.dev.arrive("d");
    port_irq_restore(masked);
    EXPECT_EQ(counts(), (std::vector<uint32_t>{2, 4, 2}));

    board.dev.arrive_bad('\0', lsr_bi | lsr_fe);
    EXPECT_EQ(counts(), (std::vector<uint32_t>{3, 5, 3}));

    const std::string flood = letters(ns16550::fifo + 1);
    masked = port_irq_save();
    board.dev.arrive(flood);  // the FIFO keeps 16, the 17th overruns it
    port_irq_restore(masked);
    EXPECT_EQ(counts(), (std::vector<uint32_t>{4, 21, 4}));

    board.dev.flag(lsr_oe);
    EXPECT_EQ(counts(), (std::vector<uint32_t>{5, 21, 5}));

    EXPECT_EQ(board.dev.lsr_errors(), 0u);
    char got[32];
    size_t n = board.uart.try_read(got, sizeof got);
    EXPECT_EQ(std::string(got, n), std::string("abcd") + '\0' + flood.substr(0, ns16550::fifo));
    EXPECT_EQ(board.uart.stats().dropped, 0u);
}

// More input than the 64-byte ring holds, with nobody reading: the ring keeps the first 64, the
// rest are counted as dropped (the FIFO itself never overran), and the driver carries on.
TEST_F(Ns16550Driver, InputBeyondTheRingIsCountedDroppedAndTheDriverCarriesOn) {
    Board board;
    board.start();
    const std::string input = letters(Uart::rx_capacity + 16);
    for (size_t at = 0; at < input.size(); at += ns16550::fifo)
        board.dev.arrive(input.substr(at, ns16550::fifo));
    UartStats s = board.uart.stats();
    EXPECT_EQ(s.received, Uart::rx_capacity);
    EXPECT_EQ(s.dropped, 16u);
    EXPECT_EQ(s.received + s.dropped, input.size());
    EXPECT_EQ(s.overruns, 0u);
    EXPECT_EQ(board.dev.rx_level(), 0u);
    char kept[Uart::rx_capacity + 16];
    size_t n = board.uart.try_read(kept, sizeof kept);
    EXPECT_EQ(std::string(kept, n), input.substr(0, Uart::rx_capacity));

    std::string got;
    Coroutine* reader_co = nullptr;
    Body reader = [&] {
        char buf[8];
        Result<size_t> r = board.uart.read(buf, sizeof buf, within(1000));
        if (r.ok()) got.assign(buf, *r);
        board.uart.write("ok", 2);
    };
    Body line = [&] {
        while (state(reader_co) != State::waiting) yield();
        board.dev.arrive("more");
    };
    reader_co = go(reader, "reader");
    go(line, "line");
    EXPECT_EQ(run(), Status::ok);
    board.dev.transmit();
    EXPECT_EQ(got, "more");
    EXPECT_EQ(board.dev.wire, "ok");
    EXPECT_EQ(board.uart.stats().received, Uart::rx_capacity + 4);
    EXPECT_EQ(board.uart.stats().dropped, 16u);
}

// A 100-byte write from a coroutine, the wire draining the FIFO unevenly and input arriving
// meanwhile: THR is written only in runs that start on an empty FIFO and hold at most 16 bytes,
// IER.THRE is on exactly while the ring holds bytes, and the wire gets every byte in order.
TEST_F(Ns16550Driver, AWriteGoesOutInFifoSizedRunsWithTheThrEmptyInterruptOnOnlyWhileNeeded) {
    Board board;
    board.start();
    const std::string message = letters(100);
    bool done = false;
    size_t arrived = 0;
    Coroutine* writer_co = nullptr;
    Body writer = [&] {
        board.uart.write(message.data(), message.size());
        done = true;
    };
    Body wire = [&] {
        static constexpr size_t drains[] = {5, 16, 3, 1, 16, 11, 16};
        for (size_t step = 0; board.dev.wire.size() < message.size() && step < 1000; ++step) {
            // Only then is the ring's content known: a blocked writer found it full.
            while (!done && state(writer_co) != State::waiting) yield();
            size_t queued = done ? message.size() - board.uart.stats().sent : Uart::tx_capacity;
            EXPECT_EQ((board.dev.ier() & ns16550::ier_tx) != 0, queued > 0) << "step " << step;
            if (HasFailure()) break;
            if (step % 3 == 0) {
                board.dev.arrive("r");  // a receive interrupt, often while the FIFO is busy
                ++arrived;
            }
            board.dev.transmit(drains[step % (sizeof drains / sizeof drains[0])]);
            yield();
        }
    };
    writer_co = go(writer, "writer");
    go(wire, "wire");
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(board.dev.wire, message);

    const Events& events = board.dev.trace.events();
    size_t written = 0;
    for (const ThrRun& r : thr_runs(events)) {
        EXPECT_TRUE(r.after_empty);
        EXPECT_LE(r.length, ns16550::fifo);
        written += r.length;
    }
    EXPECT_EQ(written, message.size());
    for (const std::string& e : events)
        if (is(e, "w IER")) {
            EXPECT_TRUE(e == "w IER 0x05" || e == "w IER 0x07") << e;
        }
    EXPECT_EQ(board.dev.ier(), ns16550::ier_rx | ns16550::ier_line);
    EXPECT_EQ(board.dev.idle_thre_interrupts(), 0u);  // never left on with nothing to send
    EXPECT_EQ(board.dev.tx_overflows(), 0u);
    EXPECT_EQ(board.uart.stats().sent, message.size());
    EXPECT_GT(board.uart.stats().write_waits, 0u);
    EXPECT_EQ(board.uart.stats().received, arrived);
}

// write_polled with interrupts masked, outside a coroutine: before each byte it polls LSR until
// THR is empty, and it sends what the ring still held first.
TEST_F(Ns16550Driver, WritePolledWaitsForThrEmptyBeforeEachByteAfterTheRing) {
    Board board;
    board.start();
    const std::string queued = letters(ns16550::fifo + 2);
    Body writer = [&] { board.uart.write(queued.data(), queued.size()); };
    go(writer, "writer");
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(board.dev.tx_level(), ns16550::fifo);  // and two bytes wait in the ring
    board.dev.transmit(ns16550::fifo - 1);
    board.dev.transmit_while_polled(2);
    board.dev.trace.clear();

    port_irq_state masked = port_irq_save();
    board.uart.write_polled("xyz", 3);
    Events polled = board.dev.trace.events();
    port_irq_restore(masked);

    // Once the ring is empty the THR-empty interrupt, on while it held bytes, goes off, once.
    Events expected;
    for (char c : queued.substr(ns16550::fifo))
        expected.insert(expected.end(),
                        {"r LSR 0x00", "r LSR 0x60", "w THR " + hex(static_cast<uint8_t>(c))});
    expected.push_back("w IER 0x05");
    for (char c : std::string("xyz"))
        expected.insert(expected.end(),
                        {"r LSR 0x00", "r LSR 0x60", "w THR " + hex(static_cast<uint8_t>(c))});
    EXPECT_EQ(polled, expected);
    board.dev.transmit();
    EXPECT_EQ(board.dev.wire, queued + "xyz");
    EXPECT_EQ(board.uart.stats().sent, queued.size() + 3);
    EXPECT_EQ(board.dev.ier(), ns16550::ier_rx | ns16550::ier_line);
    EXPECT_EQ(board.dev.tx_overflows(), 0u);
}

// An error flag that write_polled's LSR polls see before the handler does is counted once: the
// read clears it, so the handler cannot (a regression: it went uncounted).
TEST_F(Ns16550Driver, AnErrorSeenWhilePollingIsCounted) {
    Board board;
    board.start();
    port_irq_state masked = port_irq_save();
    board.dev.arrive_bad('e', lsr_fe);  // its interrupt held off by the mask
    board.uart.write_polled("p", 1);
    port_irq_restore(masked);
    EXPECT_EQ(board.uart.stats().overruns, 1u);
    EXPECT_EQ(board.uart.stats().received, 1u);
    board.dev.transmit();
    EXPECT_EQ(board.dev.wire, "p");
}

// The same for the LSR read with which write() starts the transmitter, a bad byte landing just
// before it looks (a regression too).
TEST_F(Ns16550Driver, AnErrorSeenWhenStartingToSendIsCounted) {
    Board board;
    board.start();
    board.dev.before_next_lsr_read([&] { board.dev.arrive_bad('e', lsr_pe); });
    Body writer = [&] { board.uart.write("s", 1); };
    go(writer, "writer");
    EXPECT_EQ(run(), Status::ok);
    EXPECT_EQ(board.uart.stats().overruns, 1u);
    EXPECT_EQ(board.uart.stats().received, 1u);
    board.dev.transmit();
    EXPECT_EQ(board.dev.wire, "s");
}

}  // namespace
