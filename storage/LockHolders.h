#pragma once
// Which other processes hold file locks on a database (its main file, -wal
// or -shm), so a "database is locked" message can say whom to stop. SQLite
// takes POSIX advisory locks; Linux lists them in /proc/locks by inode. This
// only reads /proc: opening and closing the database file here would drop
// the POSIX locks this process's own connections hold.

#include <string>
#include <vector>

namespace storage {

struct LockHolder {
    int pid = 0;
    std::string command;  // /proc/PID/comm, "" when unknown
};

class LockHolders {
public:
    // Processes other than this one holding (not waiting for) a lock on the
    // database or its companions. Empty when none or when /proc is missing.
    static std::vector<LockHolder> of(const std::string& databasePath);
    // "process 1234 (sqlite3), process 99 (loyalty-kiosk)"
    static std::string describe(const std::vector<LockHolder>& holders);
};

}  // namespace storage
