#include "nfc/reader/WorkerProcess.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace nfc {

loyalty::Expected<std::unique_ptr<WorkerProcess>, std::string> WorkerProcess::spawn(std::vector<std::string> argv) {
    if (argv.empty()) {
        return loyalty::unexpected(std::string("no worker program"));
    }
    if (::access(argv[0].c_str(), X_OK) != 0) {
        return loyalty::unexpected("worker " + argv[0] + ": " + std::strerror(errno));
    }
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        return loyalty::unexpected(std::string("socketpair: ") + std::strerror(errno));
    }
    // Everything the child needs is prepared before fork: the kiosk has other
    // threads, so between fork and exec only async-signal-safe calls are allowed.
    std::vector<char*> args;
    for (auto& arg : argv) {
        args.push_back(arg.data());
    }
    args.push_back(nullptr);
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
        const int error = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        return loyalty::unexpected(std::string("fork: ") + std::strerror(error));
    }
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) {
            ::_exit(126);  // the parent died before prctl
        }
        // dup2 clears FD_CLOEXEC on the copies; the originals close on exec.
        if (::dup2(fds[1], STDIN_FILENO) < 0 || ::dup2(fds[1], STDOUT_FILENO) < 0) {
            ::_exit(126);
        }
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    return std::unique_ptr<WorkerProcess>(new WorkerProcess(pid, fds[0]));
}

WorkerProcess::~WorkerProcess() {
    if (!reaped_) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

void WorkerProcess::requestStop() {
    ::shutdown(fd_, SHUT_WR);
}

int WorkerProcess::reap(std::chrono::milliseconds timeout) {
    if (reaped_) {
        return status_;
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        int status = 0;
        const pid_t done = ::waitpid(pid_, &status, WNOHANG);
        if (done == pid_ || (done < 0 && errno != EINTR)) {
            reaped_ = true;
            status_ = done == pid_ ? status : 0;
            return status_;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &status_, 0);
            reaped_ = true;
            return status_;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

std::string WorkerProcess::describe(int waitStatus) {
    if (WIFEXITED(waitStatus)) {
        return "exited with code " + std::to_string(WEXITSTATUS(waitStatus));
    }
    if (WIFSIGNALED(waitStatus)) {
        const int signal = WTERMSIG(waitStatus);
        const char* name = ::sigdescr_np(signal);
        return "killed by signal " + std::to_string(signal) + (name ? std::string(" (") + name + ")" : "");
    }
    return "ended (status " + std::to_string(waitStatus) + ")";
}

}  // namespace nfc
