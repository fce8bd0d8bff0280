#include "storage/Database.h"

#include <sqlite3.h>

#include <utility>

namespace storage {
namespace {

std::string advice(ErrorCode code) {
    switch (code) {
        case ErrorCode::DiskFull: return " The disk is full: free space (kioskctl db prune) and try again.";
        case ErrorCode::ReadOnly: return " The database cannot be written: check the file's permissions and that the disk is mounted read-write.";
        case ErrorCode::Busy: return " Another process holds the database: stop it (is a second kiosk or kioskctl running?).";
        case ErrorCode::Corrupt: return " The file is damaged: see docs/technician.md, 'Restoring the database'.";
        case ErrorCode::CannotOpen: return " Check that the directory exists and is writable by the kiosk's user.";
        default: return "";
    }
}

}  // namespace

StorageError Database::errorFrom(int sqliteCode, std::string_view what, std::string_view detail,
                                 const std::string& path) {
    ErrorCode code = ErrorCode::Internal;
    switch (sqliteCode & 0xFF) {
        case SQLITE_FULL: code = ErrorCode::DiskFull; break;
        case SQLITE_READONLY: code = ErrorCode::ReadOnly; break;
        case SQLITE_BUSY:
        case SQLITE_LOCKED: code = ErrorCode::Busy; break;
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB: code = ErrorCode::Corrupt; break;
        case SQLITE_CANTOPEN:
        case SQLITE_PERM:
        case SQLITE_AUTH: code = ErrorCode::CannotOpen; break;
        case SQLITE_CONSTRAINT: code = ErrorCode::Constraint; break;
        case SQLITE_IOERR: code = ErrorCode::Io; break;
        case SQLITE_RANGE:
        case SQLITE_MISUSE:
        case SQLITE_TOOBIG: code = ErrorCode::InvalidArgument; break;
        default: break;
    }
    std::string message = "database " + path + ": " + std::string(what);
    if (!detail.empty()) {
        message += " failed (" + std::string(detail) + ")";
    } else {
        message += " failed";
    }
    message += "." + advice(code);
    return StorageError{code, std::move(message), sqliteCode};
}

Database::Database(sqlite3* db, std::string path, bool readOnly)
    : db_(db), path_(std::move(path)), readOnly_(readOnly) {}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)), readOnly_(other.readOnly_) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
        readOnly_ = other.readOnly_;
    }
    return *this;
}

Database::~Database() { sqlite3_close_v2(db_); }

Result<Database> Database::open(const DatabaseOptions& options) {
    int flags = SQLITE_OPEN_NOMUTEX;  // one connection per thread: no need for SQLite's mutexes
    if (options.readOnly) {
        flags |= SQLITE_OPEN_READONLY;
    } else {
        flags |= SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0);
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(options.path.c_str(), &raw, flags, nullptr);
    Database db(raw, options.path, options.readOnly);  // closes raw on every path
    if (rc != SQLITE_OK) {
        const int extended = raw ? sqlite3_extended_errcode(raw) : rc;
        return loyalty::unexpected(errorFrom(extended, "opening", raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc),
                                             options.path));
    }
    sqlite3_extended_result_codes(raw, 1);
    if (auto configured = db.configure(options); !configured) {
        return loyalty::unexpected(configured.error());
    }
    return db;
}

Status Database::configure(const DatabaseOptions& options) {
    sqlite3_busy_timeout(db_, options.busyTimeoutMs);
    if (auto fk = exec("PRAGMA foreign_keys = ON"); !fk) {
        return fk;
    }
    auto foreignKeys = queryInt("PRAGMA foreign_keys");
    if (!foreignKeys) {
        return loyalty::unexpected(foreignKeys.error());
    }
    if (foreignKeys.value() != 1) {
        return loyalty::unexpected(StorageError{ErrorCode::Internal,
                                                "database " + path_ + ": foreign keys could not be enabled", 0});
    }
    if (!options.readOnly) {
        // A brand-new file gets incremental auto-vacuum before anything else
        // is written (it can only be chosen before the first table), so
        // pruning can give pages back to the filesystem. An existing
        // database keeps the mode it was created with.
        auto pages = queryInt("PRAGMA page_count");
        if (!pages) {
            return loyalty::unexpected(pages.error());
        }
        if (pages.value() == 0) {
            if (auto vacuum = exec("PRAGMA auto_vacuum = INCREMENTAL"); !vacuum) {
                return vacuum;
            }
            auto vacuumMode = queryInt("PRAGMA auto_vacuum");
            if (!vacuumMode) {
                return loyalty::unexpected(vacuumMode.error());
            }
            if (vacuumMode.value() != 2) {
                return loyalty::unexpected(StorageError{
                    ErrorCode::Internal,
                    "database " + path_ + ": auto_vacuum is " + std::to_string(vacuumMode.value()) +
                        ", not 2 (INCREMENTAL)",
                    0});
            }
        }
        auto mode = queryText("PRAGMA journal_mode = WAL");
        if (!mode) {
            return loyalty::unexpected(mode.error());
        }
        if (mode.value() != "wal") {
            return loyalty::unexpected(StorageError{
                ErrorCode::Io,
                "database " + path_ + ": journal_mode is '" + mode.value() +
                    "', not 'wal' (the filesystem may not support shared memory; use a local disk)",
                0});
        }
        if (auto sync = exec("PRAGMA synchronous = FULL"); !sync) {
            return sync;
        }
        auto level = synchronousLevel();
        if (!level) {
            return loyalty::unexpected(level.error());
        }
        if (level.value() != 2) {
            return loyalty::unexpected(StorageError{ErrorCode::Internal,
                                                    "database " + path_ + ": synchronous is " +
                                                        synchronousName(level.value()) + ", not FULL",
                                                    0});
        }
    }
    return Done{};
}

Status Database::exec(std::string_view sql) {
    const std::string text(sql);
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        const std::string detail = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        return loyalty::unexpected(errorFrom(sqlite3_extended_errcode(db_), "running '" + text.substr(0, 60) + "'",
                                             detail, path_));
    }
    return Done{};
}

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return loyalty::unexpected(errorFrom(sqlite3_extended_errcode(db_),
                                             "preparing '" + std::string(sql.substr(0, 60)) + "'",
                                             sqlite3_errmsg(db_), path_));
    }
    return Statement(db_, stmt, path_);
}

Result<Statement> Database::queryFirstRow(std::string_view sql) {
    auto statement = prepare(sql);
    if (!statement) {
        return loyalty::unexpected(statement.error());
    }
    auto row = statement->step();
    if (!row) {
        return loyalty::unexpected(row.error());
    }
    if (!row.value()) {
        return loyalty::unexpected(
            StorageError{ErrorCode::NotFound, "database " + path_ + ": no row for '" + std::string(sql) + "'", 0});
    }
    return std::move(statement.value());
}

Result<std::int64_t> Database::queryInt(std::string_view sql) {
    auto row = queryFirstRow(sql);
    if (!row) {
        return loyalty::unexpected(row.error());
    }
    return row->columnInt64(0);
}

Result<std::string> Database::queryText(std::string_view sql) {
    auto row = queryFirstRow(sql);
    if (!row) {
        return loyalty::unexpected(row.error());
    }
    return row->columnText(0);
}

Result<int> Database::synchronousLevel() {
    auto level = queryInt("PRAGMA synchronous");
    if (!level) {
        return loyalty::unexpected(level.error());
    }
    return static_cast<int>(level.value());
}

std::string Database::synchronousName(int level) {
    switch (level) {
        case 0: return "OFF";
        case 1: return "NORMAL";
        case 2: return "FULL";
        case 3: return "EXTRA";
        default: return "UNKNOWN(" + std::to_string(level) + ")";
    }
}

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

StorageError Database::lastError(std::string_view what) const {
    return errorFrom(sqlite3_extended_errcode(db_), what, sqlite3_errmsg(db_), path_);
}

}  // namespace storage
