#include "support/ForkedChild.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

namespace testsupport {

ForkedChild::ForkedChild(const std::function<int(int readyFd)>& body) {
    int fds[2] = {-1, -1};
    if (::pipe(fds) != 0) {
        return;
    }
    pid_ = ::fork();
    if (pid_ == 0) {
        ::close(fds[0]);
        const int code = body(fds[1]);
        ::_exit(code);
    }
    ::close(fds[1]);
    readyRead_ = fds[0];
}

ForkedChild::~ForkedChild() {
    kill();
    if (readyRead_ >= 0) {
        ::close(readyRead_);
    }
}

bool ForkedChild::waitReady(int timeoutMs) {
    if (readyRead_ < 0) {
        return false;
    }
    pollfd ready{readyRead_, POLLIN, 0};
    if (::poll(&ready, 1, timeoutMs) != 1) {
        return false;
    }
    char byte = 0;
    return ::read(readyRead_, &byte, 1) == 1;
}

std::optional<int> ForkedChild::wait(int timeoutMs) {
    if (pid_ <= 0 || reaped_) {
        return std::nullopt;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (true) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            reaped_ = true;
            if (WIFEXITED(status)) {
                return WEXITSTATUS(status);
            }
            return WIFSIGNALED(status) ? -WTERMSIG(status) : -1;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return std::nullopt;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

void ForkedChild::kill() {
    if (pid_ > 0 && !reaped_) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        reaped_ = true;
    }
}

void ForkedChild::signalReady(int readyFd) {
    const char byte = 'r';
    (void)!::write(readyFd, &byte, 1);
}

}  // namespace testsupport
