#pragma once
// Opening the kiosk's database for one thread: Database::open, then
// PRAGMA quick_check, then Migrator::migrate, then a moment's write lock to
// prove the kiosk can record. The outcomes (design brief §6, docs/technician.md):
//
// - ok, writable;
// - ok, degraded to read-only (the file or its filesystem cannot be written):
//   readOnly() and readOnlyReason() say so, and the kiosk keeps serving
//   lookups while every write answers ErrorCode::ReadOnly;
// - refused: Corrupt (the file and its -wal/-shm are moved aside to
//   "<path>.corrupt-<UTC stamp>", never deleted; the message names both paths
//   and how to recover), SchemaTooNew (file untouched), Busy (locked by
//   another process beyond the busy timeout; the message names it), or the
//   error that stopped the open (CannotOpen, DiskFull, Io).
//
// The first connection of a process runs the quick check; connections that
// other threads open afterwards may skip it (quickCheck = false), and a
// corrupt file is only moved aside when no other process has it open.

#include <string>

#include "storage/Database.h"
#include "storage/IntegrityCheck.h"

namespace storage {

enum class StoreAccess {
    ReadWrite,  // the kiosk: migrates, may degrade to read-only, moves a corrupt file aside
    ReadOnly,   // kioskctl's inspections: never writes, never moves anything
};

struct KioskStoreOptions {
    std::string path;
    StoreAccess access = StoreAccess::ReadWrite;
    int busyTimeoutMs = 5000;
    bool quickCheck = true;
    bool moveCorruptAside = true;  // ReadWrite only
};

class KioskStore {
public:
    static Result<KioskStore> open(const KioskStoreOptions& options);

    Database& database() { return db_; }
    const std::string& path() const { return path_; }

    // True when writes are off: asked for (StoreAccess::ReadOnly) or degraded.
    bool readOnly() const { return readOnly_; }
    // True when the kiosk asked to write but the file cannot be written.
    bool degraded() const { return !readOnlyReason_.empty(); }
    // Why a ReadWrite open fell back to read-only; empty otherwise.
    const std::string& readOnlyReason() const { return readOnlyReason_; }

    int schemaVersion() const { return schemaVersion_; }
    int migratedFrom() const { return migratedFrom_; }

    // PRAGMA integrity_check: every problem found (the technician's check).
    Result<IntegrityReport> fullCheck();

    // The message for a database locked by another process: who holds it
    // (from /proc/locks) and what to do. Used by open() and by callers whose
    // writes fail with ErrorCode::Busy later on.
    static StorageError lockedError(const std::string& path, int busyTimeoutMs, const StorageError& cause);

private:
    KioskStore(Database db, std::string path);

    static Result<KioskStore> openWritable(const KioskStoreOptions& options);
    static Result<KioskStore> openReadOnly(const KioskStoreOptions& options, const std::string& degradedReason);
    static Result<KioskStore> refuseCorrupt(const KioskStoreOptions& options, const std::string& detail);
    static Result<Database> openReadOnlyConnection(const KioskStoreOptions& options);
    static Status checkQuickly(Database& db, const KioskStoreOptions& options, std::string& damage);

    Database db_;
    std::string path_;
    bool readOnly_ = false;
    std::string readOnlyReason_;
    int schemaVersion_ = 0;
    int migratedFrom_ = 0;
};

}  // namespace storage
