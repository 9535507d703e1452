// A recorded trace of events: tests assert on the order things happened in, never on timing.
#pragma once

#include <string>
#include <vector>

namespace weft::test {

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

}  // namespace weft::test
