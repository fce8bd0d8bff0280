#pragma once
// A child process started with fork/exec, its stderr collected in a file,
// killed (SIGKILL) and reaped when the object goes away. For tests and
// benchmarks that drive the real kiosk binary.

#include <sys/types.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace testsupport {

class ChildProcess {
public:
    // argv[0] is the program path. environment entries are added to (or
    // replace those of) this process's environment.
    ChildProcess(std::vector<std::string> argv, std::map<std::string, std::string> environment,
                 std::string stderrPath);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    bool started() const { return pid_ > 0; }
    pid_t pid() const { return pid_; }

    // Waits for exit up to timeoutMs; the exit code, or nullopt on timeout
    // (the child keeps running) or when it died from a signal (-signal).
    std::optional<int> wait(int timeoutMs);
    void terminate();  // SIGTERM, then wait up to 5 s, then SIGKILL
    std::string stderrText() const;

    // Runs to completion (or kills it after timeoutMs); exit code or nullopt.
    static std::optional<int> run(std::vector<std::string> argv, std::map<std::string, std::string> environment,
                                  const std::string& stderrPath, int timeoutMs);

private:
    pid_t pid_ = -1;
    bool reaped_ = false;
    std::string stderrPath_;
};

}  // namespace testsupport
