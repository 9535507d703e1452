// A recorded trace of events for the host-only suites (std::string events); the shared suites use
// the heap-free one in shared/kernel_test.h. Tests assert on the order things happened in.
#pragma once

#include <string>
#include <vector>

namespace weft::host_test {

class Trace {
public:
    void operator()(const std::string& event) { events_.push_back(event); }
    const std::vector<std::string>& events() const { return events_; }
    void clear() { events_.clear(); }

private:
    std::vector<std::string> events_;
};

using Events = std::vector<std::string>;

// A pointer to an object, passed through a coroutine's void* argument.
template <class T>
void* arg(T& object) {
    return &object;
}

template <class T>
T& from(void* p) {
    return *static_cast<T*>(p);
}

}  // namespace weft::host_test
