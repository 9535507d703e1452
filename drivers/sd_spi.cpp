// SD card, SPI mode. A transaction selects the card, runs, deselects it and clocks one more byte,
// which a card needs to let go of its data-out line. Waits on the card (its answer, a data token,
// the busy signal while it programs) poll a byte at a time and yield between polls after the
// first few, so a card that takes milliseconds leaves the CPU to other coroutines; the data blocks
// themselves go through the bus's interrupt-driven transfer().
#include "sd_spi.h"

#include "sd_crc.h"
#include "weft/coroutine.h"

namespace {

// R1 bits.
constexpr uint8_t r1_idle = 0x01, r1_illegal = 0x04, r1_crc = 0x08;
// Tokens: a block read or written alone (and each block of CMD18), each block of CMD25, its end.
constexpr uint8_t token_single = 0xFE, token_multiple = 0xFC, token_stop = 0xFD;
// The answer comes within 8 bytes of a command (Ncr).
constexpr unsigned answer_bytes = 9;
// Polls of the card before waiting starts to yield.
constexpr unsigned eager_polls = 16;


}  // namespace

BlockStatus SdSpi::xfer(const uint8_t* tx, uint8_t* rx, size_t len, weft::Timeout timeout) {
    weft::Status s = polled_ ? bus_.transfer_polled(tx, rx, len, timeout) : bus_.transfer(tx, rx, len, timeout);
    return s == weft::Status::ok ? BlockStatus::ok : BlockStatus::timeout;
}

BlockStatus SdSpi::byte(uint8_t& in, weft::Timeout timeout, uint8_t out) {
    return bus_.transfer_polled(&out, &in, 1, timeout) == weft::Status::ok ? BlockStatus::ok : BlockStatus::timeout;
}

void SdSpi::pause(unsigned polls) {
    if (!polled_ && polls >= eager_polls && weft::in_coroutine()) weft::yield();
}

BlockStatus SdSpi::failed(uint8_t answer, BlockStatus status) {
    last_error_ = answer;
    return status;
}

BlockStatus SdSpi::command(uint8_t index, uint32_t arg, uint8_t& r1, weft::Timeout timeout) {
    // A leading idle byte: a card still finishing its last answer takes it as a gap, not a command.
    uint8_t frame[7] = {SpiBus::fill,
                        static_cast<uint8_t>(0x40 | index),
                        static_cast<uint8_t>(arg >> 24),
                        static_cast<uint8_t>(arg >> 16),
                        static_cast<uint8_t>(arg >> 8),
                        static_cast<uint8_t>(arg),
                        0};
    frame[6] = static_cast<uint8_t>(sd::crc7(frame + 1, 5) << 1 | 1);
    // CMD12 interrupts a block in flight: no gap before it, and one stuff byte after it.
    const bool stop = index == 12;
    if (BlockStatus s = xfer(stop ? frame + 1 : frame, nullptr, stop ? 6 : 7, timeout); s != BlockStatus::ok) return s;
    if (stop && byte(r1, timeout) != BlockStatus::ok) return BlockStatus::timeout;
    for (unsigned i = 0; i < answer_bytes; ++i) {
        if (byte(r1, timeout) != BlockStatus::ok) return BlockStatus::timeout;
        if (!(r1 & 0x80)) return BlockStatus::ok;
    }
    return BlockStatus::no_device;
}

// Until the card stops holding its data-out line low (busy while it programs).
BlockStatus SdSpi::wait_idle(weft::Timeout timeout) {
    for (unsigned polls = 0;; ++polls) {
        uint8_t in;
        if (byte(in, timeout) != BlockStatus::ok) return BlockStatus::timeout;
        if (in == 0xFF) return BlockStatus::ok;
        if (timeout.passed()) return BlockStatus::timeout;
        pause(polls);
    }
}

// A data block the card sends: its start token, the data, its CRC16.
BlockStatus SdSpi::receive(uint8_t* data, size_t len, weft::Timeout timeout) {
    uint8_t token = 0xFF;
    for (unsigned polls = 0; token == 0xFF; ++polls) {
        if (byte(token, timeout) != BlockStatus::ok) return BlockStatus::timeout;
        if (token == 0xFF && timeout.passed()) return BlockStatus::timeout;
        pause(polls);
    }
    // A data error token, 0000xxxx: bit 3, out of range; the others, the card's own errors.
    if (token != token_single)
        return failed(token, (token & 0xF0) == 0 && (token & 0x08) ? BlockStatus::out_of_range : BlockStatus::device_error);
    uint8_t crc[2];
    if (xfer(nullptr, data, len, timeout) != BlockStatus::ok || xfer(nullptr, crc, 2, timeout) != BlockStatus::ok)
        return BlockStatus::timeout;
    if (sd::crc16(data, len) != (crc[0] << 8 | crc[1])) return failed(token, BlockStatus::crc_error);
    return BlockStatus::ok;
}

// One block to the card: a gap, its token, the data, its CRC16; then the card's data response,
// xxx0sss1 (sss: 010 accepted, 101 CRC error, 110 write error), and its busy time.
BlockStatus SdSpi::send_block(uint8_t token, const uint8_t* data, weft::Timeout timeout) {
    const uint16_t c = sd::crc16(data, block_bytes);
    const uint8_t head[2] = {SpiBus::fill, token}, crc[2] = {static_cast<uint8_t>(c >> 8), static_cast<uint8_t>(c)};
    if (xfer(head, nullptr, 2, timeout) != BlockStatus::ok || xfer(data, nullptr, block_bytes, timeout) != BlockStatus::ok ||
        xfer(crc, nullptr, 2, timeout) != BlockStatus::ok)
        return BlockStatus::timeout;
    uint8_t response = 0xFF;
    for (unsigned i = 0; i < answer_bytes && response == 0xFF; ++i)
        if (byte(response, timeout) != BlockStatus::ok) return BlockStatus::timeout;
    switch (response & 0x1F) {
        case 0x05: break;
        case 0x0B: return failed(response, BlockStatus::crc_error);
        case 0x0D: return failed(response, BlockStatus::device_error);
        default: return failed(response, response == 0xFF ? BlockStatus::no_device : BlockStatus::device_error);
    }
    return wait_idle(timeout);
}

void SdSpi::end() {
    bus_.select(device_, false);
    uint8_t in;
    (void)byte(in, weft::forever);
}

BlockStatus SdSpi::init(weft::Timeout timeout) {
    if (bus_.acquire(timeout) != weft::Status::ok) return BlockStatus::timeout;
    polled_ = false;
    ready_ = false;
    blocks_ = 0;
    last_error_ = 0;
    BlockStatus s = start(timeout);
    end();
    if (s == BlockStatus::ok) {
        ready_ = true;
        (void)bus_.set_clock(hz_);
    }
    bus_.release();
    return s;
}

BlockStatus SdSpi::start(weft::Timeout timeout) {
    (void)bus_.set_clock(init_hz);
    // At least 74 clocks with the card deselected, its data-in high: it enters its native mode.
    bus_.select(device_, false);
    uint8_t ones[10];
    for (auto& b : ones) b = SpiBus::fill;
    if (xfer(ones, nullptr, sizeof ones, timeout) != BlockStatus::ok) return BlockStatus::timeout;
    bus_.select(device_, true);

    // CMD0 with the card selected puts it in SPI mode, idle. A card busy with something may need it twice.
    uint8_t r1 = 0xFF;
    BlockStatus s = BlockStatus::no_device;
    for (int tries = 0; tries < 4; ++tries) {
        s = command(0, 0, r1, timeout);
        if (s != BlockStatus::ok || r1 == r1_idle) break;
    }
    if (s != BlockStatus::ok) return s;
    // Every SD card takes CMD0; an answer of "illegal command" is also what QEMU's slot gives
    // with no medium in it.
    if (r1 == r1_illegal) return failed(r1, BlockStatus::no_device);
    if (r1 != r1_idle) return failed(r1, BlockStatus::device_error);

    // CMD8 (version 2 cards): voltage 2.7-3.6 V (1) and a check pattern, echoed back. Version 1
    // cards call it illegal.
    if ((s = command(8, 0x1AA, r1, timeout)) != BlockStatus::ok) return s;
    bool v2 = false;
    if (!(r1 & r1_illegal)) {
        if (r1 & ~r1_idle) return failed(r1, r1 & r1_crc ? BlockStatus::crc_error : BlockStatus::device_error);
        uint8_t r7[4];
        if (xfer(nullptr, r7, 4, timeout) != BlockStatus::ok) return BlockStatus::timeout;
        if ((r7[2] & 0x0F) != 1 || r7[3] != 0xAA) return failed(r7[3], BlockStatus::unsupported);
        v2 = true;
    }

    // ACMD41 until the card leaves idle; HCS asks for high capacity where it has it.
    for (unsigned polls = 0;; ++polls) {
        if ((s = command(55, 0, r1, timeout)) != BlockStatus::ok) return s;
        if (r1 & ~r1_idle) return failed(r1, BlockStatus::device_error);
        if ((s = command(41, v2 ? 1u << 30 : 0, r1, timeout)) != BlockStatus::ok) return s;
        if (r1 == 0) break;
        // MMC cards call ACMD41 illegal: they are not SD cards.
        if (r1 != r1_idle) return failed(r1, r1 & r1_illegal ? BlockStatus::unsupported : BlockStatus::device_error);
        if (timeout.passed()) return BlockStatus::timeout;
        pause(polls + eager_polls);
    }

    // CMD58: the OCR, whose CCS bit (30) says block addressing; version 1 cards are all byte-addressed.
    // QEMU's card answers CMD58 (and CMD8) with R1 idle always, ready or not: only errors count.
    if ((s = command(58, 0, r1, timeout)) != BlockStatus::ok) return s;
    if (r1 & ~r1_idle) return failed(r1, BlockStatus::device_error);
    uint8_t ocr[4];
    if (xfer(nullptr, ocr, 4, timeout) != BlockStatus::ok) return BlockStatus::timeout;
    high_capacity_ = v2 && (ocr[0] & 0x40);
    if (!high_capacity_) {
        if ((s = command(16, block_bytes, r1, timeout)) != BlockStatus::ok) return s;
        if (r1 != 0) return failed(r1, BlockStatus::device_error);
    }

    // CMD9: the CSD, a 16-byte data block, gives the size.
    if ((s = command(9, 0, r1, timeout)) != BlockStatus::ok) return s;
    if (r1 != 0) return failed(r1, BlockStatus::device_error);
    uint8_t csd[16];
    if ((s = receive(csd, sizeof csd, timeout)) != BlockStatus::ok) return s;
    switch (csd[0] >> 6) {
        case 0: {  // version 1: (C_SIZE + 1) * 2^(C_SIZE_MULT + 2) blocks of 2^READ_BL_LEN bytes
            uint32_t c_size = (csd[6] & 0x03u) << 10 | csd[7] << 2 | csd[8] >> 6;
            uint32_t mult = (csd[9] & 0x03u) << 1 | csd[10] >> 7;
            uint32_t bl_len = csd[5] & 0x0Fu;
            if (bl_len < 9 || bl_len > 11) return failed(csd[5], BlockStatus::unsupported);
            blocks_ = (c_size + 1) << (mult + 2 + bl_len - 9);
            break;
        }
        case 1:  // version 2: (C_SIZE + 1) * 512 KiB
            blocks_ = ((csd[7] & 0x3Fu) << 16 | csd[8] << 8 | csd[9]) + 1;
            blocks_ *= 1024;
            break;
        default: return failed(csd[0], BlockStatus::unsupported);
    }
    return BlockStatus::ok;
}

BlockStatus SdSpi::read_blocks(uint32_t lba, uint8_t* buffer, size_t count, weft::Timeout timeout) {
    const uint32_t address = high_capacity_ ? lba : lba * block_bytes;
    uint8_t r1;
    BlockStatus s = command(count == 1 ? 17 : 18, address, r1, timeout);
    if (s != BlockStatus::ok) return s;
    if (r1 != 0) return failed(r1, r1 & r1_crc ? BlockStatus::crc_error : BlockStatus::device_error);
    for (size_t i = 0; i < count && s == BlockStatus::ok; ++i) s = receive(buffer + i * block_bytes, block_bytes, timeout);
    if (count > 1 && s != BlockStatus::timeout) {
        // CMD12 ends the stream, then the card may be busy a while.
        BlockStatus stop = command(12, 0, r1, timeout);
        if (stop == BlockStatus::ok) stop = wait_idle(timeout);
        if (s == BlockStatus::ok) s = stop;
    }
    return s;
}

BlockStatus SdSpi::write_blocks(uint32_t lba, const uint8_t* buffer, size_t count, weft::Timeout timeout) {
    const uint32_t address = high_capacity_ ? lba : lba * block_bytes;
    uint8_t r1;
    BlockStatus s = command(count == 1 ? 24 : 25, address, r1, timeout);
    if (s != BlockStatus::ok) return s;
    if (r1 != 0) return failed(r1, r1 & r1_crc ? BlockStatus::crc_error : BlockStatus::device_error);
    for (size_t i = 0; i < count && s == BlockStatus::ok; ++i)
        s = send_block(count == 1 ? token_single : token_multiple, buffer + i * block_bytes, timeout);
    if (count > 1 && s != BlockStatus::timeout) {
        // The stop token ends the stream, after one byte the card is busy until it has programmed.
        const uint8_t stop[2] = {token_stop, SpiBus::fill};
        BlockStatus end = xfer(stop, nullptr, 2, timeout);
        if (end == BlockStatus::ok) end = wait_idle(timeout);
        if (s == BlockStatus::ok) s = end;
    }
    return s;
}

BlockStatus SdSpi::run(uint32_t lba, uint8_t* into, const uint8_t* from, size_t count, weft::Timeout timeout,
                       bool polled) {
    if (!ready_) return BlockStatus::not_ready;
    if (into == nullptr && from == nullptr && count > 0) return BlockStatus::bad_argument;
    if (lba >= blocks_ || count > blocks_ - lba) return count == 0 && lba <= blocks_ ? BlockStatus::ok : BlockStatus::out_of_range;
    if (count == 0) return BlockStatus::ok;
    weft::Status taken = polled ? bus_.try_acquire() : bus_.acquire(timeout);
    if (taken != weft::Status::ok) return polled ? BlockStatus::busy : BlockStatus::timeout;
    // A deadline already past sends nothing, so a timed-out write has written nothing.
    BlockStatus s = BlockStatus::timeout;
    if (!timeout.passed()) {
        polled_ = polled;
        bus_.select(device_, true);
        s = into != nullptr ? read_blocks(lba, into, count, timeout) : write_blocks(lba, from, count, timeout);
        end();
        polled_ = false;
    }
    bus_.release();
    return s;
}

BlockStatus SdSpi::read(uint32_t lba, uint8_t* buffer, size_t count, weft::Timeout timeout) {
    return run(lba, buffer, nullptr, count, timeout, false);
}

BlockStatus SdSpi::write(uint32_t lba, const uint8_t* buffer, size_t count, weft::Timeout timeout) {
    return run(lba, nullptr, buffer, count, timeout, false);
}

BlockStatus SdSpi::try_read(uint32_t lba, uint8_t* buffer, size_t count, weft::Timeout timeout) {
    return run(lba, buffer, nullptr, count, timeout, true);
}

BlockStatus SdSpi::try_write(uint32_t lba, const uint8_t* buffer, size_t count, weft::Timeout timeout) {
    return run(lba, nullptr, buffer, count, timeout, true);
}
