#pragma once
// Aborts a libnfc command that overruns its bound. InAutoPoll has no host
// timeout in libnfc 1.8.0: if the chip stops answering in the middle of
// one, the reader's thread would wait forever. The reader arms the watchdog
// before each command with a deadline; past it, the watchdog calls the
// abort function (nfc_abort_command) every repeat interval until disarmed.
// Its own thread sleeps on a condition variable: no polling.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace nfc {

class AbortWatchdog {
public:
    using Clock = std::chrono::steady_clock;

    explicit AbortWatchdog(std::function<void()> abort,
                           std::chrono::milliseconds repeat = std::chrono::milliseconds(200));
    ~AbortWatchdog();
    AbortWatchdog(const AbortWatchdog&) = delete;
    AbortWatchdog& operator=(const AbortWatchdog&) = delete;

    void arm(Clock::time_point deadline);
    void disarm();
    // How many times it had to abort.
    unsigned fired() const;

private:
    void loop();

    std::function<void()> abort_;
    std::chrono::milliseconds repeat_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::optional<Clock::time_point> deadline_;
    std::optional<Clock::time_point> waitingUntil_;  // the thread's current wait (none: indefinite)
    unsigned fired_ = 0;
    bool quit_ = false;
    std::thread thread_;
};

}  // namespace nfc
