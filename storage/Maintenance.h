#pragma once
// The technician's database operations (kioskctl db ...), on an open
// connection: online backup, full integrity check, ledger export, pruning
// of acknowledged events past a retention period; and restoring a backup,
// which works on files while nothing has the database open.
//
// Nothing here deletes a database: restore moves the current file aside and
// pruning removes only events head office has acknowledged.

#include <cstdint>
#include <iosfwd>
#include <string>

#include "storage/Database.h"
#include "storage/IntegrityCheck.h"
#include "storage/LedgerExport.h"

namespace storage {

struct BackupReport {
    std::string path;             // where the backup is
    std::int64_t bytes = 0;
    std::int64_t pages = 0;
    int schemaVersion = 0;
};

struct RestoreReport {
    std::string restoredFrom;
    std::string movedAside;       // where the replaced database went; "" when there was none
    int backupSchemaVersion = 0;  // before migrating the restored file to this program's version
    std::int64_t ledgerEvents = 0;
};

struct PruneOptions {
    std::int64_t retentionMs = 0;  // keep events acknowledged less than this long ago
    std::int64_t nowMs = 0;        // Unix ms, UTC
    int batchSize = 500;           // events per write transaction
};

struct PruneReport {
    std::int64_t cutoffMs = 0;     // events acknowledged before this were pruned
    std::int64_t eventsPruned = 0;
    int batches = 0;
    std::int64_t bytesBefore = 0;  // main file + -wal
    std::int64_t bytesAfter = 0;
    bool shrinkable = true;        // false when the file lacks incremental auto-vacuum
};

class Maintenance {
public:
    explicit Maintenance(Database& db) : db_(db) {}

    // Copies the database with SQLite's backup API in one read transaction
    // (in WAL mode writers carry on meanwhile) to a temporary name next to
    // the destination, switches the copy to a self-contained rollback
    // journal, verifies it with integrity_check, then renames it into place.
    // A destination that is a directory gets "<name>-<UTC stamp>.db" inside
    // it. An existing file is only replaced when overwrite is set.
    Result<BackupReport> backup(const std::string& destination, bool overwrite = false);

    Result<IntegrityReport> integrityCheck();

    Result<std::int64_t> exportLedger(std::ostream& out, ExportFormat format);

    // Events a prune with these options would remove.
    Result<std::int64_t> countPrunable(const PruneOptions& options);
    // Deletes ledger events (and, by cascade, their outbox rows) that head
    // office acknowledged before now - retention, never one unacknowledged
    // and never a rejected one until a later event voids it. Each batch is
    // one transaction that opens the ledger's prune_gate, deletes and closes
    // it again, so the write lock is held briefly. Then gives the freed pages
    // back (PRAGMA incremental_vacuum) and truncates the WAL.
    Result<PruneReport> prune(const PruneOptions& options);

    // Replaces the database at databasePath with a verified copy of the
    // backup. The backup must pass integrity_check and have a schema this
    // program knows; the current database (and its -wal/-shm) is moved to
    // "<path>.before-restore-<UTC stamp>", and refused while another process
    // has it open. The restored file is migrated to this program's schema.
    static Result<RestoreReport> restore(const std::string& backupPath, const std::string& databasePath);

private:
    Status pruneBatch(const PruneOptions& options, std::int64_t cutoff, std::int64_t& deleted);

    Database& db_;
};

}  // namespace storage
