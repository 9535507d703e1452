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

}  // namespace weft::host_test
