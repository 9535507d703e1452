// Status codes every fallible call returns, and Result<T> for calls that also return a value.
#pragma once

#include <stdint.h>

namespace weft {

enum class Status : uint8_t {
    ok,
    exhausted,  // a fixed pool or buffer has no room; nothing was taken
    timeout,    // the deadline passed first
    would_block,  // a try_ call found the object busy, or a channel full or empty
    deadlock,   // the call would wait for ever: a recursive lock, or run() with waiters nothing can wake
    not_owner,  // unlocking a mutex the caller does not hold
};

// A short lower-case name for `s`, for messages.
const char* to_string(Status s);

// A value or the reason there is none; must be looked at.
template <class T>
class [[nodiscard]] Result {
public:
    constexpr Result(T value) : value_(value), status_(Status::ok) {}
    constexpr Result(Status failure) : value_(), status_(failure) {}

    // True when a value is present.
    constexpr bool ok() const { return status_ == Status::ok; }
    constexpr explicit operator bool() const { return ok(); }
    // Why there is no value (Status::ok when there is one).
    constexpr Status status() const { return status_; }
    // The value; only meaningful when ok().
    constexpr T value() const { return value_; }
    constexpr T operator*() const { return value_; }

private:
    T value_;
    Status status_;
};

}  // namespace weft
