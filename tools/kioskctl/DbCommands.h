#pragma once
// kioskctl db ...: the technician's database commands (docs/technician.md,
// "Database"). Each returns the process exit code: 0 ok, 1 a problem found
// or the operation failed (the message says what to do), 2 a usage error.
// Messages name files and counts, never member names or card tokens; only
// `export`, which the technician asks for explicitly, writes those.

#include <iosfwd>
#include <string>

#include "storage/KioskStore.h"

namespace kioskctl {

enum ExitCode : int { kExitOk = 0, kExitProblem = 1, kExitUsage = 2 };

struct DbSettings {
    std::string databasePath;
    int busyTimeoutMs = 5000;
};

class DbCommands {
public:
    DbCommands(DbSettings settings, std::ostream& out, std::ostream& err);

    int check();
    int backup(const std::string& destination, bool overwrite);
    int restore(const std::string& backupPath);
    int exportLedger(const std::string& format, const std::string& outputPath);
    int prune(int retentionDays, bool yes);
    int info();

private:
    storage::Result<storage::KioskStore> openForReading();
    int fail(const storage::StorageError& error);

    DbSettings settings_;
    std::ostream& out_;
    std::ostream& err_;
};

}  // namespace kioskctl
