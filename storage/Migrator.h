#pragma once
// Numbered schema migrations (storage/migrations/NNNN_name.sql, embedded at
// build time). Each one is applied together with its PRAGMA user_version
// bump in one transaction, so a crash in the middle re-runs nothing that
// succeeded. A database newer than the program is refused.

#include <string>
#include <string_view>
#include <vector>

#include "storage/Database.h"

namespace storage {

struct Migration {
    int version;
    std::string_view name;  // "0001_initial"
    std::string_view sql;
};

class Migrator {
public:
    // The migrations compiled into this program, in order (1, 2, 3 ...).
    static std::vector<Migration> builtIn();
    static int latestVersion();

    // Brings db to the latest version. Returns the version it started from.
    static Result<int> migrate(Database& db);
    // Same, with an explicit list (tests).
    static Result<int> migrate(Database& db, const std::vector<Migration>& migrations);
};

}  // namespace storage
