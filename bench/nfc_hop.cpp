#include "nfc_hop.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace nfcbench {

Latencies measureHop(int samples) {
    Latencies out;
    int fds[2];
    int idle[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        return out;
    }
    if (::pipe2(idle, O_CLOEXEC) != 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return out;
    }
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        // Only async-signal-safe calls: this process has threads by now.
        for (int i = 0; i < samples; ++i) {
            const timespec pause{0, 2000000L + (i * 7919L) % 3000000L};
            ::nanosleep(&pause, nullptr);
            timespec now{};
            ::clock_gettime(CLOCK_MONOTONIC, &now);
            const std::int64_t ns = static_cast<std::int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
            if (::write(fds[1], &ns, sizeof ns) != sizeof ns) {
                break;
            }
        }
        ::_exit(0);
    }
    ::close(fds[1]);
    for (int i = 0; pid > 0 && i < samples; ++i) {
        pollfd waits[2] = {{fds[0], POLLIN, 0}, {idle[0], POLLIN, 0}};
        if (::poll(waits, 2, 1000) <= 0) {
            ++out.missed;
            break;
        }
        std::int64_t sent = 0;
        if (::read(fds[0], &sent, sizeof sent) != sizeof sent) {
            break;
        }
        const auto received = Clock::now();
        const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(received.time_since_epoch()).count() - sent;
        out.ms.push_back(static_cast<double>(std::max<long long>(ns, 0)) / 1e6);
    }
    ::close(fds[0]);
    ::close(idle[0]);
    ::close(idle[1]);
    if (pid > 0) {
        ::waitpid(pid, nullptr, 0);
    }
    return out;
}

}  // namespace nfcbench
