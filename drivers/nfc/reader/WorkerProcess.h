#pragma once
// One kiosk-nfc-worker child (fork + exec), connected by a socketpair: the
// child's stdin and stdout are its end. The parent reads framed messages
// from fd() and asks the child to stop by shutting down its writing side
// (the child sees end of input). The child gets SIGTERM if the parent
// dies (PR_SET_PDEATHSIG). RAII: the destructor kills (SIGKILL) and reaps
// a child that is still there.

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "loyalty/Expected.h"

namespace nfc {

class WorkerProcess {
public:
    // kiosk-nfc-worker's exit code for bad arguments or card keys that do
    // not load (sysexits.h EX_CONFIG). It reports why in a ReaderStatus
    // frame first; the supervisor keeps that reason and retries slowly.
    static constexpr int kConfigurationError = 78;

    // argv[0] is the program's path.
    static loyalty::Expected<std::unique_ptr<WorkerProcess>, std::string> spawn(std::vector<std::string> argv);
    ~WorkerProcess();
    WorkerProcess(const WorkerProcess&) = delete;
    WorkerProcess& operator=(const WorkerProcess&) = delete;

    int fd() const { return fd_; }
    pid_t pid() const { return pid_; }
    // End of input for the child: it stops and exits.
    void requestStop();
    // Waits up to timeout for it to exit (then SIGKILL and wait); its wait status.
    int reap(std::chrono::milliseconds timeout);
    // "exited with code 1", "killed by signal 6 (Aborted)".
    static std::string describe(int waitStatus);

private:
    WorkerProcess(pid_t pid, int fd) : pid_(pid), fd_(fd) {}

    pid_t pid_ = -1;
    int fd_ = -1;
    bool reaped_ = false;
    int status_ = 0;
};

}  // namespace nfc
