#pragma once
// A function run in a forked child process (no exec), for tests that need a
// second process on the same files: one holding a database lock, writing
// while the parent backs up, or dying mid-way with SIGKILL. The child says
// "ready" by writing a byte to the descriptor it is given; it ends with
// _exit (never returning into the test runner). Killed (SIGKILL) and reaped
// on destruction. Fork before opening the files in the parent: SQLite's
// per-process lock bookkeeping must not be shared across a fork.

#include <sys/types.h>

#include <functional>
#include <optional>

namespace testsupport {

class ForkedChild {
public:
    // body(readyFd) runs in the child; its return value is the exit code.
    explicit ForkedChild(const std::function<int(int readyFd)>& body);
    ~ForkedChild();
    ForkedChild(const ForkedChild&) = delete;
    ForkedChild& operator=(const ForkedChild&) = delete;

    bool started() const { return pid_ > 0; }
    pid_t pid() const { return pid_; }

    // True once the child has written to its ready descriptor.
    bool waitReady(int timeoutMs);
    // Exit code, -signal when killed, nullopt on timeout.
    std::optional<int> wait(int timeoutMs);
    void kill();  // SIGKILL and reap

    // For the child: say "ready" (writes one byte).
    static void signalReady(int readyFd);

private:
    pid_t pid_ = -1;
    int readyRead_ = -1;
    bool reaped_ = false;
};

}  // namespace testsupport
