#pragma once
// One SQLite connection: opens or creates the file with WAL journaling,
// synchronous=NORMAL or FULL (see SqliteStore), foreign keys on and a busy
// timeout. Move-only; closes on destruction.

#include <string>
#include <string_view>

#include "headoffice/HeadOfficeError.h"
#include "headoffice/SqliteStatement.h"

struct sqlite3;

namespace headoffice {

class SqliteConnection {
public:
    static Result<SqliteConnection> open(const std::string& path, bool fullSync = false, int busyTimeoutMs = 5000);

    SqliteConnection(SqliteConnection&& other) noexcept;
    SqliteConnection& operator=(SqliteConnection&& other) noexcept;
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;
    ~SqliteConnection();

    Status exec(std::string_view sql);
    Result<SqliteStatement> prepare(std::string_view sql);
    Result<std::string> queryText(std::string_view sql);
    int changes() const;
    const std::string& path() const { return path_; }

    // Busy for SQLITE_BUSY/LOCKED, Conflict for constraints, Unavailable for
    // I/O and permission problems, Internal otherwise; `what` names the step.
    static Error errorFrom(sqlite3* db, int code, std::string_view what);

private:
    SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
    sqlite3* db_ = nullptr;
    std::string path_;
};

}  // namespace headoffice
