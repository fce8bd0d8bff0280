#include "headoffice/SqliteConnection.h"

#include <sqlite3.h>

namespace headoffice {

SqliteConnection::SqliteConnection(SqliteConnection&& other) noexcept
    : db_(other.db_), path_(std::move(other.path_)) {
    other.db_ = nullptr;
}

SqliteConnection& SqliteConnection::operator=(SqliteConnection&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(db_);
        db_ = other.db_;
        path_ = std::move(other.path_);
        other.db_ = nullptr;
    }
    return *this;
}

SqliteConnection::~SqliteConnection() { sqlite3_close_v2(db_); }

Error SqliteConnection::errorFrom(sqlite3* db, int code, std::string_view what) {
    const int primary = code & 0xff;
    std::string message = std::string(what) + ": " + (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    switch (primary) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return Error{ErrorCode::Busy, message};
        case SQLITE_CONSTRAINT: return Error{ErrorCode::Conflict, message};
        case SQLITE_CANTOPEN:
        case SQLITE_IOERR:
        case SQLITE_FULL:
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_NOTADB:
        case SQLITE_CORRUPT: return Error{ErrorCode::Unavailable, message};
        default: return Error{ErrorCode::Internal, message};
    }
}

Result<SqliteConnection> SqliteConnection::open(const std::string& path, bool fullSync, int busyTimeoutMs) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        Error error = errorFrom(db, rc, "cannot open " + path);
        sqlite3_close_v2(db);
        return loyalty::unexpected(std::move(error));
    }
    SqliteConnection connection(db, path);
    sqlite3_busy_timeout(db, busyTimeoutMs);
    sqlite3_extended_result_codes(db, 1);
    auto mode = connection.queryText("PRAGMA journal_mode=WAL");
    if (!mode) {
        return loyalty::unexpected(Error{mode.error().code, path + ": " + mode.error().message});
    }
    if (*mode != "wal") {
        return failure(ErrorCode::Unavailable, path + ": journal_mode is " + *mode + ", WAL could not be set");
    }
    for (const char* pragma : {fullSync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL",
                               "PRAGMA foreign_keys=ON"}) {
        auto done = connection.exec(pragma);
        if (!done) {
            return loyalty::unexpected(Error{done.error().code, path + ": " + done.error().message});
        }
    }
    return connection;
}

Status SqliteConnection::exec(std::string_view sql) {
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        return loyalty::unexpected(errorFrom(db_, rc, text.substr(0, 40)));
    }
    return Done{};
}

Result<SqliteStatement> SqliteConnection::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                      nullptr);
    if (rc != SQLITE_OK) {
        return loyalty::unexpected(errorFrom(db_, rc, "preparing " + std::string(sql.substr(0, 40))));
    }
    return SqliteStatement(db_, stmt);
}

Result<std::string> SqliteConnection::queryText(std::string_view sql) {
    auto statement = prepare(sql);
    if (!statement) {
        return loyalty::unexpected(statement.error());
    }
    auto row = statement->step();
    if (!row) {
        return loyalty::unexpected(row.error());
    }
    return *row ? statement->text(0) : std::string();
}

int SqliteConnection::changes() const { return sqlite3_changes(db_); }

}  // namespace headoffice
