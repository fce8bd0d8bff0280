#include "storage/KioskStore.h"

#include <sqlite3.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <utility>

#include "storage/DatabaseFiles.h"
#include "storage/LockHolders.h"
#include "storage/Migrator.h"
#include "storage/Transaction.h"

namespace storage {
namespace {

const char* const kHowToRecover =
    "To recover: restore the last backup with `kioskctl db restore BACKUP`, or start the kiosk without a "
    "database so it creates a fresh one and let head office send the members back.";

// Closes a connection now (the moved-from Result holds nothing to close).
void closeNow(Database& db) {
    Database closing = std::move(db);
}

// "file:" URI for a path, so SQLite accepts query parameters such as immutable=1.
std::string fileUri(const std::string& path) {
    static const char* const hex = "0123456789ABCDEF";
    std::string uri = "file:";
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        const bool plain = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                           (byte >= '0' && byte <= '9') || c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
        if (plain) {
            uri += c;
        } else {
            uri += '%';
            uri += hex[byte >> 4];
            uri += hex[byte & 0x0F];
        }
    }
    return uri;
}

// Why a database cannot be written, in the technician's words; 'fallback'
// (SQLite's own message) when the file system does not tell.
std::string whyNotWritable(const std::string& path, const std::string& fallback) {
    struct statvfs fs {};
    if (::statvfs(path.c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0) {
        return "database " + path + " cannot be written: its filesystem is mounted read-only.";
    }
    if (::access(path.c_str(), W_OK) != 0) {
        return "database " + path + " cannot be written: the file is not writable by this user.";
    }
    const auto slash = path.find_last_of('/');
    const std::string directory = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
    if (::access(directory.c_str(), W_OK) != 0) {
        return "database " + path + " cannot be written: its directory is not writable (SQLite creates the "
               "-wal and -shm files there).";
    }
    return fallback;
}

// SQLITE_FULL, or no room to create the -shm file SQLite needs for WAL.
bool isDiskFull(const StorageError& error) {
    return error.code == ErrorCode::DiskFull || error.sqliteCode == SQLITE_IOERR_SHMSIZE;
}

std::string diskFullReason(const std::string& path) {
    return "database " + path + " cannot be written: the disk is full. Free space (kioskctl db prune, or remove "
           "other files on that disk) and restart the kiosk.";
}

// SQLite's own words for the damage ("file is not a database").
std::string damageDetail(const StorageError& error) {
    return error.sqliteCode != 0 ? std::string(sqlite3_errstr(error.sqliteCode)) : error.message;
}

// Errors of a normal read-only open that the immutable fallback can get past.
bool needsImmutable(const StorageError& error) {
    return error.code == ErrorCode::CannotOpen || error.sqliteCode == SQLITE_IOERR_SHMSIZE;
}

StorageError schemaTooNew(const std::string& path, int version) {
    return StorageError{ErrorCode::SchemaTooNew,
                        "database " + path + " has schema version " + std::to_string(version) +
                            " but this program knows versions up to " + std::to_string(Migrator::latestVersion()) +
                            ": it was written by a newer kiosk. Install that version again (or newer); the file is "
                            "left untouched.",
                        0};
}

}  // namespace

KioskStore::KioskStore(Database db, std::string path) : db_(std::move(db)), path_(std::move(path)) {}

Result<KioskStore> KioskStore::open(const KioskStoreOptions& options) {
    if (options.path.empty()) {
        return loyalty::unexpected(StorageError{ErrorCode::InvalidArgument, "no database path given", 0});
    }
    if (options.access == StoreAccess::ReadOnly) {
        return openReadOnly(options, "");
    }
    return openWritable(options);
}

Result<KioskStore> KioskStore::openWritable(const KioskStoreOptions& options) {
    const bool existed = DatabaseFiles::exists(options.path);
    auto db = Database::open({options.path, false, true, options.busyTimeoutMs});
    if (!db) {
        const auto& error = db.error();
        if (error.code == ErrorCode::Corrupt) {
            return refuseCorrupt(options, damageDetail(error));
        }
        if (error.code == ErrorCode::Busy) {
            return loyalty::unexpected(lockedError(options.path, options.busyTimeoutMs, error));
        }
        if (existed && (error.code == ErrorCode::ReadOnly || error.code == ErrorCode::CannotOpen)) {
            return openReadOnly(options, whyNotWritable(options.path, error.message));
        }
        if (existed && isDiskFull(error)) {
            return openReadOnly(options, diskFullReason(options.path));
        }
        return loyalty::unexpected(error);
    }
    if (sqlite3_db_readonly(db->handle(), "main") == 1) {
        closeNow(*db);
        return openReadOnly(options, whyNotWritable(options.path, "database " + options.path +
                                                                      " cannot be written (read-only file)."));
    }
    // Until the file is known to be sound, closing must not checkpoint: that
    // would write -wal pages into a damaged file that is about to be moved
    // aside, and change the bytes the technician gets to keep.
    sqlite3_db_config(db->handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    if (options.quickCheck) {
        std::string damage;
        if (auto checked = checkQuickly(*db, options, damage); !checked) {
            return loyalty::unexpected(checked.error());
        }
        if (!damage.empty()) {
            closeNow(*db);
            return refuseCorrupt(options, damage);
        }
    }
    auto from = Migrator::migrate(*db);
    if (!from) {
        const auto error = from.error();
        closeNow(*db);
        switch (error.code) {
            case ErrorCode::Corrupt: return refuseCorrupt(options, damageDetail(error));
            case ErrorCode::Busy:
                return loyalty::unexpected(lockedError(options.path, options.busyTimeoutMs, error));
            case ErrorCode::ReadOnly: return openReadOnly(options, whyNotWritable(options.path, error.message));
            case ErrorCode::DiskFull:
                if (existed) {
                    return openReadOnly(options, diskFullReason(options.path));
                }
                return loyalty::unexpected(error);
            default: return loyalty::unexpected(error);
        }
    }
    // Prove the kiosk can take the write lock now rather than at the first
    // tap: another process holding it is a start-up problem with a name.
    {
        auto probe = Transaction::begin(*db, Transaction::Mode::Immediate);
        if (!probe) {
            const auto error = probe.error();
            closeNow(*db);
            if (error.code == ErrorCode::Busy) {
                return loyalty::unexpected(lockedError(options.path, options.busyTimeoutMs, error));
            }
            if (error.code == ErrorCode::ReadOnly) {
                return openReadOnly(options, whyNotWritable(options.path, error.message));
            }
            return loyalty::unexpected(error);
        }
    }
    sqlite3_db_config(db->handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);
    KioskStore store(std::move(*db), options.path);
    store.schemaVersion_ = Migrator::latestVersion();
    store.migratedFrom_ = from.value();
    return store;
}

Result<KioskStore> KioskStore::openReadOnly(const KioskStoreOptions& options, const std::string& degradedReason) {
    auto db = openReadOnlyConnection(options);
    if (!db) {
        auto error = db.error();
        if (error.code == ErrorCode::Corrupt) {
            return refuseCorrupt(options, damageDetail(error));
        }
        if (error.code == ErrorCode::Busy) {
            return loyalty::unexpected(lockedError(options.path, options.busyTimeoutMs, error));
        }
        if (!degradedReason.empty()) {
            error.message = degradedReason + " Opening it read-only failed too: " + error.message;
        }
        return loyalty::unexpected(error);
    }
    if (options.quickCheck) {
        std::string damage;
        if (auto checked = checkQuickly(*db, options, damage); !checked) {
            return loyalty::unexpected(checked.error());
        }
        if (!damage.empty()) {
            closeNow(*db);
            return refuseCorrupt(options, damage);
        }
    }
    auto version = db->queryInt("PRAGMA user_version");
    if (!version) {
        const auto error = version.error();
        closeNow(*db);
        if (error.code == ErrorCode::Corrupt) {
            return refuseCorrupt(options, damageDetail(error));
        }
        return loyalty::unexpected(error);
    }
    const auto schema = static_cast<int>(version.value());
    if (schema > Migrator::latestVersion()) {
        return loyalty::unexpected(schemaTooNew(options.path, schema));
    }
    if (!degradedReason.empty() && schema < Migrator::latestVersion()) {
        return loyalty::unexpected(StorageError{
            ErrorCode::ReadOnly,
            degradedReason + " Its schema version " + std::to_string(schema) + " needs upgrading to " +
                std::to_string(Migrator::latestVersion()) + ", which needs write access: the kiosk cannot serve "
                "from it until the file can be written.",
            0});
    }
    KioskStore store(std::move(*db), options.path);
    store.readOnly_ = true;
    store.schemaVersion_ = schema;
    store.migratedFrom_ = schema;
    if (!degradedReason.empty()) {
        store.readOnlyReason_ = degradedReason + " Serving lookups read-only; nothing can be recorded until the "
                                                 "file can be written again.";
    }
    return store;
}

Result<Database> KioskStore::openReadOnlyConnection(const KioskStoreOptions& options) {
    if (!DatabaseFiles::exists(options.path)) {
        return loyalty::unexpected(
            StorageError{ErrorCode::CannotOpen, "database " + options.path + " does not exist.", 0});
    }
    auto db = Database::open({options.path, true, false, options.busyTimeoutMs});
    if (db) {
        // Opening is lazy: the first read shows whether SQLite can use the file.
        auto readable = db->queryInt("PRAGMA user_version");
        if (readable) {
            return db;
        }
        closeNow(*db);
        if (!needsImmutable(readable.error())) {
            return loyalty::unexpected(readable.error());
        }
    } else if (!needsImmutable(db.error())) {
        return loyalty::unexpected(db.error());
    }
    // A WAL database cannot be read normally without its -shm, which cannot
    // be created on a read-only filesystem or a full disk. With no -wal
    // content everything is in the main file, which nobody can change
    // meanwhile: read it as immutable. With -wal content that would hide
    // committed events, so refuse.
    if (DatabaseFiles::fileBytes(options.path + "-wal") > 0) {
        return loyalty::unexpected(StorageError{
            ErrorCode::CannotOpen,
            "database " + options.path + " cannot be read: its -wal file holds events not yet copied into the "
                "main file, and SQLite needs to create " + options.path + "-shm to read them. Make the directory "
                "writable (mount the filesystem read-write) or free disk space, and try again; nothing was changed.",
            0});
    }
    if (sqlite3_compileoption_used("USE_URI") != 1) {
        return loyalty::unexpected(StorageError{
            ErrorCode::CannotOpen,
            "database " + options.path + " cannot be read on a read-only filesystem by this SQLite build.", 0});
    }
    auto immutable = Database::open({fileUri(options.path) + "?immutable=1", true, false, options.busyTimeoutMs});
    if (!immutable) {
        return loyalty::unexpected(immutable.error());
    }
    if (auto readable = immutable->queryInt("PRAGMA user_version"); !readable) {
        return loyalty::unexpected(readable.error());
    }
    return immutable;
}

Status KioskStore::checkQuickly(Database& db, const KioskStoreOptions& options, std::string& damage) {
    auto report = IntegrityCheck::run(db, IntegrityCheck::Depth::Quick, 10);
    if (!report) {
        if (report.error().code == ErrorCode::Busy) {
            return loyalty::unexpected(lockedError(options.path, options.busyTimeoutMs, report.error()));
        }
        return loyalty::unexpected(report.error());
    }
    if (!report->ok()) {
        damage = "quick_check found " + report->summary();
    }
    return Done{};
}

Result<KioskStore> KioskStore::refuseCorrupt(const KioskStoreOptions& options, const std::string& detail) {
    const std::string damaged = "database " + options.path + " is damaged (" + detail + ")";
    auto refuse = [](std::string message) {
        return loyalty::unexpected(StorageError{ErrorCode::Corrupt, std::move(message), 0});
    };
    if (options.access == StoreAccess::ReadOnly || !options.moveCorruptAside) {
        return refuse(damaged + "; it was left where it is. " + kHowToRecover);
    }
    const auto holders = LockHolders::of(options.path);
    if (!holders.empty()) {
        return refuse(damaged + " but it is still open in " + LockHolders::describe(holders) +
                      ", so it was not moved aside. Stop that process and start the kiosk again. " + kHowToRecover);
    }
    auto moved = DatabaseFiles::moveAside(options.path, "corrupt");
    if (!moved) {
        return refuse(damaged + " and could not be moved aside (" + moved.error().message +
                      "); it was left where it is. " + kHowToRecover);
    }
    return refuse(damaged + " and was moved aside (with its -wal and -shm files, if any) to " + moved.value() +
                  "; nothing was deleted. " + kHowToRecover + " Events not yet sent to head office are in " +
                  moved.value() + ": `kioskctl --database " + moved.value() +
                  " db export --format csv --output FILE` can still read them if it opens.");
}

StorageError KioskStore::lockedError(const std::string& path, int busyTimeoutMs, const StorageError& cause) {
    const auto holders = LockHolders::of(path);
    std::string message = "database " + path + " is locked by ";
    if (holders.empty()) {
        message += "another process (waited " + std::to_string(busyTimeoutMs) +
                   " ms). Stop the other program using it (a second kiosk, a sqlite3 shell or kioskctl; "
                   "`fuser -v " + path + " " + path + "-wal " + path + "-shm` shows it), then try again.";
    } else {
        message += LockHolders::describe(holders) + " (waited " + std::to_string(busyTimeoutMs) +
                   " ms). Stop that process (a second kiosk, a sqlite3 shell or kioskctl), then try again.";
    }
    return StorageError{ErrorCode::Busy, std::move(message), cause.sqliteCode};
}

Result<IntegrityReport> KioskStore::fullCheck() { return IntegrityCheck::run(db_, IntegrityCheck::Depth::Full); }

}  // namespace storage
