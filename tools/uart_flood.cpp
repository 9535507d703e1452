// The host side of the UART flood (target-tests/flood/main.cpp): runs COMMAND, the flood image
// under QEMU with its serial port on stdio, and once the guest prints "flood: ready" sends BYTES
// bytes of a known pattern as fast as the guest's UART takes them, reading the echo meanwhile.
// Then a newline ends the flood, the guest reports its driver's counters, and one more line must
// come back whole. Prints the figures, a line per check and "flood: N passed, N failed"; exits 0
// when all pass.
//
// The pattern is 16-byte records, each naming its own offset ("%08x %06x;", the offset and a hash
// of it): a byte duplicated, reordered or taken from the wrong place cannot pass for a gap.
//
// Usage: uart_flood BYTES COMMAND...
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <string>
#include <vector>

namespace {

constexpr char ready[] = "flood: ready";
constexpr char last[] = "the driver still works after the flood";
constexpr int quiet_ms = 500;  // no echo for this long: the guest has taken all it will take
constexpr int newline_tries = 5;

double seconds() {
    timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

std::vector<char> pattern(size_t bytes) {
    std::vector<char> out;
    out.reserve(bytes + 16);
    char record[17];
    for (uint32_t at = 0; out.size() < bytes; at += 16) {
        uint32_t h = at * 2654435761u;
        snprintf(record, sizeof record, "%08x %06x;", static_cast<unsigned>(at), static_cast<unsigned>(h >> 8));
        out.insert(out.end(), record, record + 16);
    }
    return out;
}

struct Child {
    pid_t pid = -1;
    int in = -1;   // its standard input: what reaches the guest's UART
    int out = -1;  // its standard output: the guest's UART output
};

bool start(char** argv, Child& c) {
    int to[2], from[2];
    if (pipe(to) != 0 || pipe(from) != 0) return false;
    c.pid = fork();
    if (c.pid < 0) return false;
    if (c.pid == 0) {
        dup2(to[0], 0);
        dup2(from[1], 1);
        close(to[0]), close(to[1]), close(from[0]), close(from[1]);
        execvp(argv[0], argv);
        perror(argv[0]);
        _exit(127);
    }
    close(to[0]);
    close(from[1]);
    c.in = to[1];
    c.out = from[0];
    fcntl(c.in, F_SETFL, O_NONBLOCK);
    return true;
}

// Everything the guest printed, split where the flood's echo starts and ends.
struct Output {
    std::string before;    // up to and with the ready line
    std::vector<char> echo;
    std::string after;     // from the newline that ended the echo
    bool in_echo = false;
    bool echo_done = false;
    bool eof = false;

    void take(const char* data, size_t n) {
        for (size_t i = 0; i < n; ++i) {
            char ch = data[i];
            if (echo_done) {
                after += ch;
            } else if (in_echo) {
                if (ch == '\n') {
                    echo_done = true;
                    after += ch;
                } else {
                    echo.push_back(ch);
                }
            } else {
                before += ch;
                if (ch == '\n') {
                    in_echo = before.find(ready, line_start) != std::string::npos;
                    line_start = before.size();
                }
            }
        }
    }

private:
    size_t line_start = 0;
};

// Reads what is there (waiting up to `ms`), and writes from `data` while the pipe takes it.
// False once the output has ended.
bool pump(Child& c, Output& o, const char*& data, size_t& left, int ms) {
    pollfd fds[2] = {{c.out, POLLIN, 0}, {c.in, POLLOUT, 0}};
    int r = poll(fds, left > 0 ? 2 : 1, ms);
    if (r < 0 && errno != EINTR) return false;
    if (left > 0 && (fds[1].revents & (POLLOUT | POLLERR))) {
        ssize_t w = write(c.in, data, left);
        if (w > 0) data += w, left -= static_cast<size_t>(w);
        if (w < 0 && errno != EAGAIN) left = 0;
    }
    if (fds[0].revents & (POLLIN | POLLHUP)) {
        char buf[65536];
        ssize_t n = read(c.out, buf, sizeof buf);
        if (n <= 0) {
            o.eof = true;
            return false;
        }
        o.take(buf, static_cast<size_t>(n));
        // The echo comes a byte or a FIFO's worth at a time: waking for each would take the CPU
        // that QEMU needs to deliver the next (on a busy machine, most of it).
        if (n < 4096) usleep(2000);
    }
    return true;
}

// Sends all of `text`, reading meanwhile.
void send(Child& c, Output& o, const std::string& text) {
    const char* p = text.data();
    size_t left = text.size();
    while (left > 0 && pump(c, o, p, left, 50)) {
    }
}

int pass = 0, fail = 0;
void check(bool ok, const std::string& what) {
    printf("%s %s\n", ok ? "ok  " : "FAIL", what.c_str());
    ++(ok ? pass : fail);
}

}  // namespace

int main(int argc, char** argv) {
    char* end = nullptr;
    unsigned long bytes = argc > 2 ? strtoul(argv[1], &end, 10) : 0;
    if (argc < 3 || end == argv[1] || *end != '\0' || bytes == 0 || bytes > (1ul << 30)) {
        fprintf(stderr, "usage: uart_flood BYTES COMMAND...  (BYTES from 1 to 2^30)\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    std::vector<char> sent = pattern(bytes);
    Child c;
    if (!start(argv + 2, c)) {
        perror("uart_flood");
        return 2;
    }
    Output o;
    const char* data = nullptr;
    size_t left = 0;
    while (!o.in_echo && pump(c, o, data, left, -1)) {
    }
    fputs(o.before.c_str(), stdout);
    double t0 = seconds();
    unsigned newlines = 0;
    if (o.in_echo) {
        data = sent.data();
        left = sent.size();
        // Sends it all, then waits for the echo to stop before the newline, so that the newline
        // finds room; one dropped anyway (counted) is sent again after a long quiet spell.
        size_t seen = 0;
        double quiet_since = seconds();
        while (!o.echo_done && !o.eof) {
            if (!pump(c, o, data, left, 50)) break;
            double now = seconds();
            if (o.echo.size() != seen || left > 0) {
                seen = o.echo.size();
                quiet_since = now;
            } else if (now - quiet_since > quiet_ms / 1000.0 || (seen == sent.size() && newlines == 0)) {
                if (newlines == newline_tries) break;
                send(c, o, "\n");
                ++newlines;
                // The next only after 10.5 s more of quiet: one the guest took while it stalled
                // must not be followed by another.
                quiet_since = now + 10;
            }
        }
    }
    double took = seconds() - t0;
    // The counters, then the last line.
    auto has = [&](const char* prefix) { return o.after.find(prefix) != std::string::npos; };
    bool last_sent = false;
    while (o.echo_done && !o.eof && !has("flood: line") && pump(c, o, data, left, 100)) {
        if (!last_sent && has(" holds\n")) {
            send(c, o, std::string(last) + "\n");
            last_sent = true;
        }
    }
    close(c.in);
    if (!o.echo_done) kill(c.pid, SIGTERM);  // the guest waits for a newline that never came
    while (pump(c, o, data, left, -1)) {
    }
    int status = 0;
    waitpid(c.pid, &status, 0);
    int rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    fputs(o.after.c_str(), stdout);

    unsigned long echoed = 0, received = 0, dropped = 0, overruns = 0, holds = 0;
    size_t at = o.after.find("flood: ");
    bool counted = at != std::string::npos &&
                   sscanf(o.after.c_str() + at,
                          "flood: %lu echoed, %lu received, %lu dropped, %lu overruns, %lu holds", &echoed,
                          &received, &dropped, &overruns, &holds) == 5;
    // Greedy: the echo is the sent stream with gaps when each echoed byte is found in order.
    size_t j = 0, gaps = 0, bad = 0;
    bool subsequence = true;
    for (size_t k = 0; k < o.echo.size(); ++k, ++j) {
        size_t from = j;
        while (j < sent.size() && sent[j] != o.echo[k]) ++j;
        if (j == sent.size()) {
            subsequence = false;
            bad = k;
            break;
        }
        if (j != from) ++gaps;
    }
    if (subsequence && j < sent.size()) ++gaps;
    printf("flood: sent %zu bytes in %.2f s (%.0f KiB/s): %zu echoed, %lu dropped, %lu overruns, "
           "in %zu gaps; %lu holds\n",
           sent.size(), took, static_cast<double>(sent.size()) / 1024 / took, o.echo.size(), dropped,
           overruns, gaps, holds);

    check(o.in_echo, "the guest printed its ready line");
    check(o.echo_done, "the newline ended the flood" + (newlines > 1 ? " (sent " + std::to_string(newlines) + " times)" : std::string()));
    check(counted, "the guest reported its driver's counters");
    if (counted) {
        check(echoed == o.echo.size(),
              "the guest echoed what came back (" + std::to_string(echoed) + " by its count, " + std::to_string(o.echo.size()) + " here)");
        check(received == echoed + 1, "every byte received was echoed, but the newline (" + std::to_string(received) + " received)");
        // The newlines sent: one ended the flood; those before it were dropped and counted.
        check(echoed + dropped + overruns + 1 == sent.size() + newlines,
              "echoed + dropped + overruns accounts for every byte sent (" + std::to_string(echoed + dropped + overruns + 1) +
                  " of " + std::to_string(sent.size() + newlines) + ")");
    }
    check(subsequence, subsequence ? "the echo is the sent stream, in order, with gaps only"
                                   : "the echo is the sent stream, in order, with gaps only: echo byte " + std::to_string(bad) +
                                         " is not in what followed");
    check(o.after.find(std::string("flood: line ") + last + "\n") != std::string::npos, "the line after the flood came back whole");
    check(rc == 0, "the image exits with 0 (" + std::to_string(rc) + ")");
    printf("flood: %d passed, %d failed\n", pass, fail);
    return fail == 0 ? 0 : 1;
}
