// Recording the first failure and the trace.
#include "checks.h"

#include <stdarg.h>
#include <stdio.h>

#include "weft/time.h"

namespace weft::model {

std::string Checks::who() const {
    char text[24];
    if (actor_ == main_actor)
        snprintf(text, sizeof text, "main");
    else if (actor_ >= first_line_actor)
        snprintf(text, sizeof text, "line %d", actor_ - first_line_actor);
    else
        snprintf(text, sizeof text, "c%d", actor_);
    return text;
}

std::string Checks::where() const {
    char text[80];
    if (step_ == no_step)
        snprintf(text, sizeof text, "tick %llu, %s: ", static_cast<unsigned long long>(now()), who().c_str());
    else
        snprintf(text, sizeof text, "tick %llu, step %zu (%s): ", static_cast<unsigned long long>(now()),
                 step_, who().c_str());
    return text;
}

bool Checks::expect(bool ok, const char* format, ...) {
    if (ok || failed_) return ok;
    char text[400];
    va_list args;
    va_start(args, format);
    vsnprintf(text, sizeof text, format, args);
    va_end(args);
    failed_ = true;
    failure_ = where() + text;
    if (tracing_) trace_ += "  FAILED: " + failure_ + "\n";
    return false;
}

void Checks::note(const char* format, ...) {
    if (!tracing_) return;
    char text[400];
    va_list args;
    va_start(args, format);
    vsnprintf(text, sizeof text, format, args);
    va_end(args);
    trace_ += "  " + where() + text + "\n";
}

}  // namespace weft::model
