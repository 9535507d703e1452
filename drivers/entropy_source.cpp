// Names of the entropy source statuses, for messages.
#include "entropy_source.h"

const char* to_string(EntropyStatus s) {
    switch (s) {
        case EntropyStatus::ok: return "ok";
        case EntropyStatus::timeout: return "timeout";
        case EntropyStatus::busy: return "busy";
        case EntropyStatus::no_device: return "no device";
        case EntropyStatus::not_ready: return "not ready";
        case EntropyStatus::unsupported: return "unsupported";
        case EntropyStatus::bad_argument: return "bad argument";
        case EntropyStatus::device_error: return "device error";
    }
    return "unknown";
}
