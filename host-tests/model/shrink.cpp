// Children: fork, run, report through a pipe.
#include "shrink.h"

#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crash.h"

namespace weft::model {

Outcome run_in_child(const Program& p, const Options& o) {
    int fds[2];
    if (pipe(fds) != 0) return {false, "could not make a pipe to a child"};
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) return {false, "could not fork a child"};
    if (pid == 0) {
        // The child: whatever it says, a panic's line included, goes to the parent, which reports
        // its death itself.
        crash_report_seed(crash_report_none);
        close(fds[0]);
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        Verdict v = run_program(p, o);
        std::string text = v.passed ? "" : "  " + v.failure + "\n";
        text += v.trace;
        for (size_t done = 0; done < text.size();) {
            ssize_t n = write(1, text.data() + done, text.size() - done);
            if (n <= 0) break;
            done += size_t(n);
        }
        _exit(v.passed ? 0 : 1);
    }
    close(fds[1]);
    std::string report;
    char buffer[4096];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) report.append(buffer, size_t(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) {
        char text[64];
        snprintf(text, sizeof text, "  the run died of signal %d\n", WTERMSIG(status));
        report += text;
    } else if (WIFEXITED(status) && WEXITSTATUS(status) > 1) {
        char text[64];
        snprintf(text, sizeof text, "  the run exited with status %d\n", WEXITSTATUS(status));
        report += text;
    }
    return {WIFEXITED(status) && WEXITSTATUS(status) == 0, report};
}

// Shorter prefixes first: a longer program may pass where a shorter fails, so no bisection.
size_t shortest_failing_prefix(const Program& p, const Options& o) {
    for (size_t n = 0; n < p.steps.size(); ++n)
        if (!run_in_child(prefix(p, n), o).passed) return n;
    return p.steps.size();
}

}  // namespace weft::model
