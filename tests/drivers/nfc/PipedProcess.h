#pragma once
// A child process whose stdin and stdout are pipes to the test, for
// line-oriented programs (pn532-sim). Killed and reaped on destruction.

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace nfctest {

class PipedProcess {
public:
    explicit PipedProcess(std::vector<std::string> argv);
    ~PipedProcess();
    PipedProcess(const PipedProcess&) = delete;
    PipedProcess& operator=(const PipedProcess&) = delete;

    bool started() const { return pid_ > 0; }
    bool writeLine(const std::string& line);
    // The next line of stdout (without the newline), or nullopt on timeout or end.
    std::optional<std::string> readLine(int timeoutMs);
    void closeStdin();
    // Exit code after waiting up to timeoutMs, or nullopt.
    std::optional<int> wait(int timeoutMs);

private:
    pid_t pid_ = -1;
    int stdin_ = -1;
    int stdout_ = -1;
    bool reaped_ = false;
    std::string buffered_;
};

}  // namespace nfctest
