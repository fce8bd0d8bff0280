#include "sync/SyncSignals.h"

namespace kiosksync {

void SyncSignals::notifyNewEvents() {
    {
        std::lock_guard lock(mutex_);
        newEvents_ = true;
    }
    changed_.notify_all();
}

void SyncSignals::requestDownload() {
    {
        std::lock_guard lock(mutex_);
        download_ = true;
    }
    changed_.notify_all();
}

void SyncSignals::requestStop() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
}

bool SyncSignals::stopping() const {
    std::lock_guard lock(mutex_);
    return stop_;
}

void SyncSignals::setReader(ReaderReport report) {
    std::lock_guard lock(mutex_);
    reader_ = std::move(report);
}

ReaderReport SyncSignals::reader() const {
    std::lock_guard lock(mutex_);
    return reader_;
}

SyncSignals::Pending SyncSignals::takeLocked() {
    Pending pending{newEvents_, download_, stop_};
    newEvents_ = false;
    download_ = false;
    return pending;  // stop stays set
}

SyncSignals::Pending SyncSignals::waitUntil(std::chrono::steady_clock::time_point until) {
    std::unique_lock lock(mutex_);
    changed_.wait_until(lock, until, [&] { return newEvents_ || download_ || stop_; });
    return takeLocked();
}

SyncSignals::Pending SyncSignals::take() {
    std::lock_guard lock(mutex_);
    return takeLocked();
}

}  // namespace kiosksync
