#pragma once
// Copies the SQLite WAL back into the database file on its own thread and
// connection (PRAGMA wal_checkpoint(PASSIVE) every quarter second), so
// uploads do not pay for checkpoints and their fsync. The store's own
// connection keeps a large automatic checkpoint as a backstop.

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "headoffice/SqliteConnection.h"

namespace headoffice {

class SqliteCheckpointer {
public:
    static constexpr int kIntervalMs = 250;

    explicit SqliteCheckpointer(SqliteConnection connection);
    ~SqliteCheckpointer();  // stops the thread after a last checkpoint
    SqliteCheckpointer(const SqliteCheckpointer&) = delete;
    SqliteCheckpointer& operator=(const SqliteCheckpointer&) = delete;

    // Asks for a checkpoint soon (after a large write).
    void nudge();

private:
    void run();

    SqliteConnection db_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool nudged_ = false;
    std::thread thread_;
};

}  // namespace headoffice
