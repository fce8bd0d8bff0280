#include "storage/Database.h"

#include <sqlite3.h>

#include <cstring>
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

// ---- WAL write coalescing ---------------------------------------------------
//
// SQLite writes each WAL frame with two pwrite(2) calls (its 24-byte header,
// then the page), so a tap that changes 8 pages makes 16 system calls before
// the one fsync; on the kiosk's virtualised development machine and on a
// small ARM board a system call costs more than the work around it. This VFS
// is the default "unix" one except for WAL files: their writes are gathered
// while they are contiguous and handed to the "unix" xWrite as one write when
// the transaction's commit frame has been written (the frame header names it:
// bytes 4-7, the database size after the commit, are non-zero only there).
// So every frame is in the file before SQLite syncs the WAL and before it
// publishes the frames in the wal-index, as without the buffer, in every
// synchronous mode; an error from that write is returned by the commit
// frame's xWrite, and the transaction fails as it would have. A read, sync,
// truncate, size query, file control or close writes what is gathered first;
// a write that does not continue the gathered bytes (SQLite rewriting a
// frame of the same transaction) writes them first too, so the file sees
// the writes in SQLite's order. Bytes, order and fsyncs are SQLite's own.

constexpr int kWalFrameHeaderSize = 24;
constexpr int kWalHeaderSize = 32;
// Below 128 KiB: the "unix" VFS takes a write's length modulo 2^17 (it
// expects pages). 120 KiB holds a tap's frames many times over.
constexpr int kWalBufferBytes = 120 * 1024;

struct CoalescingWalFile {
    sqlite3_file base;      // pMethods = kWalMethods
    sqlite3_file* real;     // the "unix" file, in the memory after this struct
    char* buffer;
    int length;             // bytes gathered
    sqlite3_int64 start;    // file offset of buffer[0]
    bool commitFramePending;  // the last header gathered was a commit frame's; its page comes next
};

sqlite3_vfs* g_unixVfs = nullptr;
sqlite3_vfs g_coalescingVfs;
constexpr const char* kCoalescingVfsName = "kiosk-unix-wal-coalescing";

CoalescingWalFile* walFile(sqlite3_file* file) { return reinterpret_cast<CoalescingWalFile*>(file); }
sqlite3_file* realFile(sqlite3_file* file) { return walFile(file)->real; }

int writeGathered(CoalescingWalFile* f) {
    if (f->length == 0) {
        return SQLITE_OK;
    }
    const int length = f->length;
    f->length = 0;
    return f->real->pMethods->xWrite(f->real, f->buffer, length, f->start);
}

int walClose(sqlite3_file* file) {
    CoalescingWalFile* f = walFile(file);
    const int written = writeGathered(f);
    const int closed = f->real->pMethods->xClose(f->real);
    sqlite3_free(f->buffer);
    f->buffer = nullptr;
    return written != SQLITE_OK ? written : closed;
}

int walRead(sqlite3_file* file, void* out, int amount, sqlite3_int64 offset) {
    if (const int rc = writeGathered(walFile(file)); rc != SQLITE_OK) {
        return rc;
    }
    return realFile(file)->pMethods->xRead(realFile(file), out, amount, offset);
}

bool isCommitFrameHeader(const void* data, int amount, sqlite3_int64 offset) {
    if (amount != kWalFrameHeaderSize || offset < kWalHeaderSize) {
        return false;
    }
    const auto* bytes = static_cast<const unsigned char*>(data);
    return (bytes[4] | bytes[5] | bytes[6] | bytes[7]) != 0;
}

int walWrite(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
    CoalescingWalFile* f = walFile(file);
    if (f->length > 0 && (offset != f->start + f->length || f->length + amount > kWalBufferBytes)) {
        if (const int rc = writeGathered(f); rc != SQLITE_OK) {
            f->commitFramePending = false;
            return rc;
        }
    }
    if (amount > kWalBufferBytes) {
        f->commitFramePending = false;
        return f->real->pMethods->xWrite(f->real, data, amount, offset);
    }
    if (f->length == 0) {
        f->start = offset;
    }
    std::memcpy(f->buffer + f->length, data, static_cast<std::size_t>(amount));
    f->length += amount;
    if (f->commitFramePending && amount != kWalFrameHeaderSize) {
        f->commitFramePending = false;
        return writeGathered(f);  // the commit frame's page: the transaction's frames go out now
    }
    f->commitFramePending = isCommitFrameHeader(data, amount, offset);
    return SQLITE_OK;
}

int walTruncate(sqlite3_file* file, sqlite3_int64 size) {
    if (const int rc = writeGathered(walFile(file)); rc != SQLITE_OK) {
        return rc;
    }
    return realFile(file)->pMethods->xTruncate(realFile(file), size);
}

int walSync(sqlite3_file* file, int flags) {
    if (const int rc = writeGathered(walFile(file)); rc != SQLITE_OK) {
        return rc;
    }
    return realFile(file)->pMethods->xSync(realFile(file), flags);
}

int walFileSize(sqlite3_file* file, sqlite3_int64* size) {
    if (const int rc = writeGathered(walFile(file)); rc != SQLITE_OK) {
        return rc;
    }
    return realFile(file)->pMethods->xFileSize(realFile(file), size);
}

int walLock(sqlite3_file* file, int level) { return realFile(file)->pMethods->xLock(realFile(file), level); }
int walUnlock(sqlite3_file* file, int level) { return realFile(file)->pMethods->xUnlock(realFile(file), level); }
int walCheckReservedLock(sqlite3_file* file, int* out) {
    return realFile(file)->pMethods->xCheckReservedLock(realFile(file), out);
}

int walFileControl(sqlite3_file* file, int op, void* arg) {
    if (const int rc = writeGathered(walFile(file)); rc != SQLITE_OK) {
        return rc;
    }
    return realFile(file)->pMethods->xFileControl(realFile(file), op, arg);
}

int walSectorSize(sqlite3_file* file) { return realFile(file)->pMethods->xSectorSize(realFile(file)); }
int walDeviceCharacteristics(sqlite3_file* file) {
    return realFile(file)->pMethods->xDeviceCharacteristics(realFile(file));
}

// Version 1: SQLite maps no shared memory and no pages of a WAL file.
const sqlite3_io_methods kWalMethods = {
    1,          walClose,     walRead,     walWrite,      walTruncate,          walSync,
    walFileSize, walLock,     walUnlock,   walCheckReservedLock, walFileControl, walSectorSize,
    walDeviceCharacteristics,
    nullptr,    nullptr,      nullptr,     nullptr,       nullptr,              nullptr,
};

int coalescingOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags) {
    if ((flags & SQLITE_OPEN_WAL) == 0) {
        return g_unixVfs->xOpen(g_unixVfs, name, file, flags, outFlags);  // the file as "unix" opens it
    }
    CoalescingWalFile* f = walFile(file);
    f->base.pMethods = nullptr;
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    f->buffer = static_cast<char*>(sqlite3_malloc(kWalBufferBytes));
    f->length = 0;
    f->start = 0;
    f->commitFramePending = false;
    if (f->buffer == nullptr) {
        return SQLITE_NOMEM;
    }
    const int rc = g_unixVfs->xOpen(g_unixVfs, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK) {
        sqlite3_free(f->buffer);
        f->buffer = nullptr;
        return rc;
    }
    f->base.pMethods = &kWalMethods;
    return SQLITE_OK;
}

// Registered once, not as the default: only storage::Database uses it.
const char* coalescingVfs() {
    static const char* const name = [] {
        g_unixVfs = sqlite3_vfs_find("unix");
        if (g_unixVfs == nullptr) {
            return static_cast<const char*>(nullptr);
        }
        g_coalescingVfs = *g_unixVfs;
        g_coalescingVfs.pNext = nullptr;
        g_coalescingVfs.zName = kCoalescingVfsName;
        g_coalescingVfs.szOsFile = static_cast<int>(sizeof(CoalescingWalFile)) + g_unixVfs->szOsFile;
        g_coalescingVfs.xOpen = coalescingOpen;
        if (sqlite3_vfs_register(&g_coalescingVfs, 0) != SQLITE_OK) {
            return static_cast<const char*>(nullptr);
        }
        return kCoalescingVfsName;
    }();
    return name;
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
    const int rc = sqlite3_open_v2(options.path.c_str(), &raw, flags, coalescingVfs());
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

const char* Database::vfsName() { return coalescingVfs(); }

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

StorageError Database::lastError(std::string_view what) const {
    return errorFrom(sqlite3_extended_errcode(db_), what, sqlite3_errmsg(db_), path_);
}

}  // namespace storage
