// Names of the block device statuses, for messages.
#include "block_device.h"

const char* to_string(BlockStatus s) {
    switch (s) {
        case BlockStatus::ok: return "ok";
        case BlockStatus::timeout: return "timeout";
        case BlockStatus::busy: return "busy";
        case BlockStatus::no_device: return "no device";
        case BlockStatus::not_ready: return "not ready";
        case BlockStatus::unsupported: return "unsupported";
        case BlockStatus::out_of_range: return "out of range";
        case BlockStatus::bad_argument: return "bad argument";
        case BlockStatus::crc_error: return "crc error";
        case BlockStatus::device_error: return "device error";
    }
    return "unknown";
}
