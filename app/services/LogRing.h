#pragma once
// The last lines of the kiosk's technical log, kept in memory for the
// technician screen (the journal has them all). Any thread appends; each
// line is also written to standard error, which systemd sends to the
// journal. Callers never put personal data or secrets in a line.

#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace services {

class LogRing {
public:
    explicit LogRing(std::size_t capacity = 40, bool echoToStderr = true)
        : capacity_(capacity), echo_(echoToStderr) {}

    void add(const std::string& line);
    std::vector<std::string> lines() const;  // oldest first

private:
    std::size_t capacity_;
    bool echo_;
    mutable std::mutex mutex_;
    std::deque<std::string> lines_;
};

}  // namespace services
