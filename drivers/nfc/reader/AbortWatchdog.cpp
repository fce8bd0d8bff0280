#include "nfc/reader/AbortWatchdog.h"

namespace nfc {

AbortWatchdog::AbortWatchdog(std::function<void()> abort, std::chrono::milliseconds repeat)
    : abort_(std::move(abort)), repeat_(repeat), thread_([this] { loop(); }) {}

AbortWatchdog::~AbortWatchdog() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void AbortWatchdog::arm(Clock::time_point deadline) {
    bool wake = false;
    {
        std::lock_guard lock(mutex_);
        deadline_ = deadline;
        // Arming happens before every libnfc command: wake the thread only if
        // it would otherwise sleep past this deadline (it re-checks whenever it
        // wakes), so a busy reader costs it one wake-up per bound, not per command.
        wake = !waitingUntil_ || *waitingUntil_ > deadline;
    }
    if (wake) {
        changed_.notify_all();
    }
}

void AbortWatchdog::disarm() {
    std::lock_guard lock(mutex_);
    deadline_.reset();  // no need to wake it: it re-checks when its wait ends
}

unsigned AbortWatchdog::fired() const {
    std::lock_guard lock(mutex_);
    return fired_;
}

void AbortWatchdog::loop() {
    std::unique_lock lock(mutex_);
    while (!quit_) {
        if (!deadline_) {
            waitingUntil_.reset();
            changed_.wait(lock);
            continue;
        }
        const auto deadline = *deadline_;
        if (Clock::now() < deadline) {
            waitingUntil_ = deadline;
            changed_.wait_until(lock, deadline);
            continue;
        }
        ++fired_;
        deadline_ = Clock::now() + repeat_;  // again later if the command still has not returned
        lock.unlock();
        try {
            abort_();
        } catch (...) {
            // nothing may leave this thread
        }
        lock.lock();
    }
}

}  // namespace nfc
