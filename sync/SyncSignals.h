#pragma once
// What other threads tell the sync thread, and how it sleeps: a new local
// write, a request for changes, the reader's state for the heartbeat, and
// stop. The sync thread waits on its own timer and wakes at once for any of
// these (never for anything else).

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>

namespace kiosksync {

struct ReaderReport {
    std::string state;      // "ready", "no reader", ...
    std::string lastError;  // no personal data
};

class SyncSignals {
public:
    struct Pending {
        bool newEvents = false;
        bool download = false;
        bool stop = false;
    };

    void notifyNewEvents();
    void requestDownload();
    void requestStop();
    bool stopping() const;

    void setReader(ReaderReport report);
    ReaderReport reader() const;

    // Sleeps until `until` or a signal, then hands over (and clears) what
    // was signalled. Returns at once when something is pending already.
    Pending waitUntil(std::chrono::steady_clock::time_point until);
    // What is pending now, without sleeping.
    Pending take();

private:
    Pending takeLocked();

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    bool newEvents_ = false;
    bool download_ = false;
    bool stop_ = false;
    ReaderReport reader_;
};

}  // namespace kiosksync
