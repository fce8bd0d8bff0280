#include "headoffice/SqliteCheckpointer.h"

#include <chrono>

namespace headoffice {

SqliteCheckpointer::SqliteCheckpointer(SqliteConnection connection) : db_(std::move(connection)) {
    thread_ = std::thread([this] { run(); });
}

SqliteCheckpointer::~SqliteCheckpointer() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void SqliteCheckpointer::nudge() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        nudged_ = true;
    }
    wake_.notify_all();
}

void SqliteCheckpointer::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, std::chrono::milliseconds(kIntervalMs), [this] { return stopping_ || nudged_; });
        nudged_ = false;
        lock.unlock();
        // PASSIVE: never waits for readers or writers; what it cannot copy
        // now is copied next time. Failures (busy) are retried the same way.
        (void)db_.exec("PRAGMA wal_checkpoint(PASSIVE)");
        lock.lock();
    }
}

}  // namespace headoffice
