#include "storage/Maintenance.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>

#include "storage/DatabaseFiles.h"
#include "storage/KioskIdentity.h"
#include "storage/KioskStore.h"
#include "storage/LockHolders.h"
#include "storage/Migrator.h"
#include "storage/Transaction.h"

namespace storage {
namespace {

// Acknowledged before the cutoff, and not a rejection still waiting for
// staff to reconcile it (Outbox::resolveRejected sets resolved_at). The
// schema's triggers refuse the same rows; this keeps them out of the count.
constexpr std::string_view kPrunable =
    "o.acknowledged_at IS NOT NULL AND o.acknowledged_at < ?1 "
    "AND (o.result IS NULL OR o.result <> 'rejected' OR o.resolved_at IS NOT NULL)";

std::string fileNameOf(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string stemOf(const std::string& path) {
    std::string name = fileNameOf(path);
    const auto dot = name.find_last_of('.');
    return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

// Opens a file read-only, runs integrity_check and reads its schema version.
Result<int> verifiedSchemaVersion(const std::string& path, const std::string& what) {
    auto db = Database::open({path, true, false});
    if (!db) {
        return loyalty::unexpected(db.error());
    }
    auto report = IntegrityCheck::run(*db, IntegrityCheck::Depth::Full);
    if (!report) {
        return loyalty::unexpected(report.error());
    }
    if (!report->ok()) {
        return loyalty::unexpected(
            StorageError{ErrorCode::Corrupt, what + " " + path + " failed integrity_check: " + report->summary(), 0});
    }
    auto version = db->queryInt("PRAGMA user_version");
    if (!version) {
        return loyalty::unexpected(version.error());
    }
    return static_cast<int>(version.value());
}

}  // namespace

Result<BackupReport> Maintenance::backup(const std::string& destination, bool overwrite) {
    std::string target = destination;
    if (DatabaseFiles::isDirectory(destination)) {
        std::string directory = destination;
        while (directory.size() > 1 && directory.back() == '/') {
            directory.pop_back();
        }
        target = (directory == "/" ? "" : directory) + "/" + stemOf(db_.path()) + "-" + DatabaseFiles::utcStamp() +
                 ".db";
    }
    if (target == db_.path()) {
        return loyalty::unexpected(StorageError{ErrorCode::InvalidArgument,
                                                "the backup cannot replace the database itself (" + target + ")", 0});
    }
    if (DatabaseFiles::exists(target) && !overwrite) {
        return loyalty::unexpected(StorageError{
            ErrorCode::InvalidArgument, "backup destination " + target + " already exists; choose another name", 0});
    }
    const std::string partial = target + ".partial-" + std::to_string(::getpid());
    auto removePartial = [&partial]() {
        // Our own unfinished copy, never a database of record.
        for (const char* suffix : DatabaseFiles::kCompanionSuffixes) {
            std::remove((partial + suffix).c_str());
        }
        std::remove(partial.c_str());
    };
    {
        auto copy = Database::open({partial, false, true});
        if (!copy) {
            removePartial();
            return loyalty::unexpected(copy.error());
        }
        sqlite3_backup* backup = sqlite3_backup_init(copy->handle(), "main", db_.handle(), "main");
        if (backup == nullptr) {
            auto failure = copy->lastError("starting the backup to " + partial);
            removePartial();
            return loyalty::unexpected(failure);
        }
        // All pages in one step: one read transaction, a consistent snapshot
        // that WAL writers never wait for.
        const int stepped = sqlite3_backup_step(backup, -1);
        const int finished = sqlite3_backup_finish(backup);
        if (stepped != SQLITE_DONE || finished != SQLITE_OK) {
            const int code = stepped != SQLITE_DONE ? stepped : finished;
            auto failure = Database::errorFrom(code, "backing up to " + target, sqlite3_errstr(code), db_.path());
            { Database closing = std::move(*copy); }  // close before removing
            removePartial();
            return loyalty::unexpected(failure);
        }
        auto mode = copy->queryText("PRAGMA journal_mode = DELETE");
        if (!mode || mode.value() != "delete") {
            auto failure = mode ? StorageError{ErrorCode::Internal, "backup " + partial + " stayed in WAL mode", 0}
                                : mode.error();
            { Database closing = std::move(*copy); }
            removePartial();
            return loyalty::unexpected(failure);
        }
    }
    auto version = verifiedSchemaVersion(partial, "backup");
    if (!version) {
        removePartial();
        return loyalty::unexpected(version.error());
    }
    if (auto synced = DatabaseFiles::syncFile(partial); !synced) {
        removePartial();
        return loyalty::unexpected(synced.error());
    }
    if (auto renamed = DatabaseFiles::renameDurably(partial, target); !renamed) {
        removePartial();
        return loyalty::unexpected(renamed.error());
    }
    BackupReport report;
    report.path = target;
    report.bytes = DatabaseFiles::fileBytes(target);
    report.schemaVersion = version.value();
    auto pages = db_.queryInt("PRAGMA page_count");
    report.pages = pages ? pages.value() : 0;
    return report;
}

Result<IntegrityReport> Maintenance::integrityCheck() {
    return IntegrityCheck::run(db_, IntegrityCheck::Depth::Full);
}

Result<std::int64_t> Maintenance::exportLedger(std::ostream& out, ExportFormat format) {
    return LedgerExport::write(db_, out, format);
}

Result<std::int64_t> Maintenance::countPrunable(const PruneOptions& options) {
    auto count = db_.prepare("SELECT count(*) FROM ledger l JOIN outbox o ON o.seq = l.seq WHERE " +
                             std::string(kPrunable));
    if (!count) {
        return loyalty::unexpected(count.error());
    }
    count->bind(1, options.nowMs - options.retentionMs);
    auto row = count->step();
    if (!row) {
        return loyalty::unexpected(row.error());
    }
    return count->columnInt64(0);
}

Status Maintenance::pruneBatch(const PruneOptions& options, std::int64_t cutoff, std::int64_t& deleted) {
    auto tx = Transaction::begin(db_, Transaction::Mode::Immediate);
    if (!tx) {
        return loyalty::unexpected(tx.error());
    }
    // The numbers of the events deleted below are never taken again.
    if (auto raised = KioskIdentity(db_).raiseSequenceFloor(); !raised) {
        return raised;
    }
    auto gate = db_.prepare("INSERT OR REPLACE INTO prune_gate (singleton, before) VALUES (1, ?1)");
    if (!gate) {
        return loyalty::unexpected(gate.error());
    }
    if (auto opened = gate->bind(1, cutoff).run(); !opened) {
        return opened;
    }
    auto remove = db_.prepare("DELETE FROM ledger WHERE seq IN (SELECT l.seq FROM ledger l JOIN outbox o ON "
                              "o.seq = l.seq WHERE " +
                              std::string(kPrunable) + " ORDER BY l.seq LIMIT ?2)");
    if (!remove) {
        return loyalty::unexpected(remove.error());
    }
    if (auto removed = remove->bind(1, cutoff).bind(2, std::int64_t{options.batchSize}).run(); !removed) {
        return removed;
    }
    deleted = db_.changes();  // ledger rows only; cascaded outbox rows are not counted
    if (auto closed = db_.exec("DELETE FROM prune_gate"); !closed) {
        return closed;
    }
    return tx->commit();
}

Result<PruneReport> Maintenance::prune(const PruneOptions& options) {
    if (options.batchSize < 1 || options.retentionMs < 0) {
        return loyalty::unexpected(
            StorageError{ErrorCode::InvalidArgument, "prune: batch size must be >= 1 and retention >= 0", 0});
    }
    PruneReport report;
    report.cutoffMs = options.nowMs - options.retentionMs;
    report.bytesBefore = DatabaseFiles::databaseBytes(db_.path());
    while (true) {
        std::int64_t deleted = 0;
        if (auto batch = pruneBatch(options, report.cutoffMs, deleted); !batch) {
            auto error = batch.error();
            error.message = "prune stopped after " + std::to_string(report.eventsPruned) +
                            " events (those stay pruned): " + error.message;
            return loyalty::unexpected(error);
        }
        report.eventsPruned += deleted;
        ++report.batches;
        if (deleted < options.batchSize) {
            break;
        }
    }
    auto vacuumMode = db_.queryInt("PRAGMA auto_vacuum");
    report.shrinkable = vacuumMode && vacuumMode.value() == 2;
    if (report.shrinkable) {
        // Give the free pages back a slice at a time: each PRAGMA is its own
        // short write transaction, like the batches above.
        const std::string vacuumSlice = "PRAGMA incremental_vacuum(" + std::to_string(options.batchSize * 4) + ")";
        std::int64_t previous = -1;
        while (true) {
            auto free = db_.queryInt("PRAGMA freelist_count");
            if (!free) {
                return loyalty::unexpected(free.error());
            }
            if (free.value() == 0 || free.value() == previous) {
                break;
            }
            previous = free.value();
            if (auto vacuumed = db_.exec(vacuumSlice); !vacuumed) {
                return loyalty::unexpected(vacuumed.error());
            }
        }
    }
    // Copy the WAL back and truncate it, so the file really gets smaller. A
    // reader elsewhere may keep part of it; that is not a failure.
    (void)db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    report.bytesAfter = DatabaseFiles::databaseBytes(db_.path());
    return report;
}

Result<RestoreReport> Maintenance::restore(const std::string& backupPath, const std::string& databasePath) {
    if (!DatabaseFiles::exists(backupPath)) {
        return loyalty::unexpected(StorageError{ErrorCode::NotFound, "backup " + backupPath + " does not exist", 0});
    }
    auto version = verifiedSchemaVersion(backupPath, "backup");
    if (!version) {
        auto error = version.error();
        error.message = "backup " + backupPath + " cannot be restored: " + error.message;
        return loyalty::unexpected(error);
    }
    if (version.value() < 1) {
        return loyalty::unexpected(StorageError{
            ErrorCode::InvalidArgument, "backup " + backupPath + " is not a kiosk database (schema version 0)", 0});
    }
    if (version.value() > Migrator::latestVersion()) {
        return loyalty::unexpected(StorageError{
            ErrorCode::SchemaTooNew,
            "backup " + backupPath + " has schema version " + std::to_string(version.value()) +
                " but this program knows versions up to " + std::to_string(Migrator::latestVersion()) +
                ": restore it with the newer kiosk version that wrote it.",
            0});
    }
    RestoreReport report;
    report.restoredFrom = backupPath;
    report.backupSchemaVersion = version.value();
    if (DatabaseFiles::exists(databasePath)) {
        const auto holders = LockHolders::of(databasePath);
        if (!holders.empty()) {
            return loyalty::unexpected(StorageError{
                ErrorCode::Busy,
                "database " + databasePath + " is open in " + LockHolders::describe(holders) +
                    ": stop the kiosk (systemctl stop loyalty-kiosk) before restoring; nothing was changed.",
                0});
        }
        auto moved = DatabaseFiles::moveAside(databasePath, "before-restore");
        if (!moved) {
            return loyalty::unexpected(moved.error());
        }
        report.movedAside = moved.value();
    }
    auto putBack = [&report, &databasePath]() {
        if (report.movedAside.empty()) {
            return;
        }
        for (const char* suffix : DatabaseFiles::kCompanionSuffixes) {
            if (DatabaseFiles::exists(report.movedAside + suffix)) {
                (void)DatabaseFiles::renameDurably(report.movedAside + suffix, databasePath + suffix);
            }
        }
        (void)DatabaseFiles::renameDurably(report.movedAside, databasePath);
    };
    const std::string incoming = databasePath + ".restoring-" + std::to_string(::getpid());
    auto copied = DatabaseFiles::copyDurably(backupPath, incoming);
    if (copied) {
        copied = DatabaseFiles::renameDurably(incoming, databasePath);
    }
    if (!copied) {
        std::remove(incoming.c_str());  // our partial copy of the backup
        putBack();
        auto error = copied.error();
        error.message = "restore failed, the database was left as it was: " + error.message;
        return loyalty::unexpected(error);
    }
    KioskStoreOptions options;
    options.path = databasePath;
    options.moveCorruptAside = false;
    auto store = KioskStore::open(options);
    if (!store) {
        auto error = store.error();
        error.message = "the backup was copied to " + databasePath + " but does not open: " + error.message +
                        (report.movedAside.empty() ? "" : " The previous database is in " + report.movedAside + ".");
        return loyalty::unexpected(error);
    }
    auto events = store->database().queryInt("SELECT count(*) FROM ledger");
    report.ledgerEvents = events ? events.value() : 0;
    return report;
}

}  // namespace storage
