#pragma once
// One SQLite connection, owned by one thread. Opens (or creates) the file
// with WAL journaling, synchronous=FULL, foreign keys and a busy timeout, and
// checks each pragma took effect. Move-only; closes on destruction.
// Files are opened through the "unix" VFS with one change: a transaction's
// WAL frames reach the file in one write instead of two per page (see
// "WAL write coalescing" in Database.cpp); what is written and synced, and
// when, is SQLite's own.

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/Statement.h"
#include "storage/StorageError.h"

struct sqlite3;

namespace storage {

struct DatabaseOptions {
    std::string path;
    bool readOnly = false;
    bool create = true;          // create the file when missing (ignored when readOnly)
    int busyTimeoutMs = 5000;
};

class Database {
public:
    static Result<Database> open(const DatabaseOptions& options);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    const std::string& path() const { return path_; }
    bool readOnly() const { return readOnly_; }

    Status exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);

    // Convenience for single-value queries ("PRAGMA user_version").
    Result<std::int64_t> queryInt(std::string_view sql);
    Result<std::string> queryText(std::string_view sql);

    // PRAGMA synchronous as a number (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA) and its name.
    Result<int> synchronousLevel();
    static std::string synchronousName(int level);

    std::int64_t lastInsertRowId() const;
    int changes() const;

    // The last error on this connection as a StorageError (code mapped from
    // SQLite's extended result code), with 'what' naming the operation.
    StorageError lastError(std::string_view what) const;
    // Maps a SQLite result code to our codes, with a message for 'what'.
    static StorageError errorFrom(int sqliteCode, std::string_view what, std::string_view detail,
                                  const std::string& path);

    sqlite3* handle() const { return db_; }

    // The name of the VFS every Database is opened with (registered on first
    // use), for a benchmark that wants the same I/O path; nullptr when it
    // could not be registered (files are then opened with SQLite's default).
    static const char* vfsName();

private:
    Database(sqlite3* db, std::string path, bool readOnly);
    // Prepared and stepped once: positioned on the first row, or NotFound.
    Result<Statement> queryFirstRow(std::string_view sql);
    Status configure(const DatabaseOptions& options);

    sqlite3* db_ = nullptr;
    std::string path_;
    bool readOnly_ = false;
};

}  // namespace storage
