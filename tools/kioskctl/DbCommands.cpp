#include "kioskctl/DbCommands.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <optional>
#include <utility>

#include "storage/DatabaseFiles.h"
#include "storage/LedgerExport.h"
#include "storage/Maintenance.h"
#include "storage/Migrator.h"

namespace kioskctl {
namespace {

constexpr std::int64_t kMsPerDay = 24LL * 60 * 60 * 1000;

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// "2025-01-31T23:59:59Z"
std::string isoUtc(std::int64_t unixMs) {
    const std::time_t seconds = static_cast<std::time_t>(unixMs / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32] = {};
    const auto size = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return std::string(text, size);
}

// "3d 4h", "2h 5m", "4m 10s", "12s"
std::string age(std::int64_t ms) {
    const std::int64_t seconds = ms < 0 ? 0 : ms / 1000;
    const std::int64_t days = seconds / 86400;
    const std::int64_t hours = seconds % 86400 / 3600;
    const std::int64_t minutes = seconds % 3600 / 60;
    if (days > 0) {
        return std::to_string(days) + "d " + std::to_string(hours) + "h";
    }
    if (hours > 0) {
        return std::to_string(hours) + "h " + std::to_string(minutes) + "m";
    }
    if (minutes > 0) {
        return std::to_string(minutes) + "m " + std::to_string(seconds % 60) + "s";
    }
    return std::to_string(seconds) + "s";
}

std::string autoVacuumName(std::int64_t mode) {
    switch (mode) {
        case 0: return "none (pruned space is reused, the file does not shrink)";
        case 1: return "full";
        case 2: return "incremental";
        default: return std::to_string(mode);
    }
}

std::optional<std::int64_t> queryOptionalInt(storage::Database& db, const std::string& sql) {
    auto statement = db.prepare(sql);
    if (!statement) {
        return std::nullopt;
    }
    auto row = statement->step();
    if (!row || !row.value()) {
        return std::nullopt;
    }
    return statement->columnOptionalInt64(0);
}

}  // namespace

DbCommands::DbCommands(DbSettings settings, std::ostream& out, std::ostream& err)
    : settings_(std::move(settings)), out_(out), err_(err) {}

int DbCommands::fail(const storage::StorageError& error) {
    err_ << "kioskctl: " << error.message << "\n";
    return kExitProblem;
}

storage::Result<storage::KioskStore> DbCommands::openForReading() {
    storage::KioskStoreOptions options;
    options.path = settings_.databasePath;
    options.access = storage::StoreAccess::ReadOnly;
    options.busyTimeoutMs = settings_.busyTimeoutMs;
    options.quickCheck = false;  // the commands that care run the full check themselves
    return storage::KioskStore::open(options);
}

int DbCommands::check() {
    auto store = openForReading();
    if (!store) {
        return fail(store.error());
    }
    auto report = store->fullCheck();
    if (!report) {
        return fail(report.error());
    }
    if (report->ok()) {
        out_ << "database " << settings_.databasePath << ": integrity_check ok\n";
        return kExitOk;
    }
    out_ << "database " << settings_.databasePath << ": integrity_check found " << report->problems.size()
         << (report->problems.size() == 1 ? " problem:\n" : " problems:\n");
    for (const auto& problem : report->problems) {
        out_ << "  " << problem << "\n";
    }
    out_ << "The database is damaged. Stop the kiosk (systemctl stop loyalty-kiosk) and restore the last backup "
            "with `kioskctl db restore BACKUP`; see docs/technician.md, \"Database\".\n";
    return kExitProblem;
}

int DbCommands::backup(const std::string& destination, bool overwrite) {
    auto store = openForReading();
    if (!store) {
        return fail(store.error());
    }
    storage::Maintenance maintenance(store->database());
    auto report = maintenance.backup(destination, overwrite);
    if (!report) {
        return fail(report.error());
    }
    out_ << "backup written to " << report->path << " (" << report->bytes << " bytes, schema version "
         << report->schemaVersion << ", integrity_check ok)\n";
    return kExitOk;
}

int DbCommands::restore(const std::string& backupPath) {
    auto report = storage::Maintenance::restore(backupPath, settings_.databasePath);
    if (!report) {
        return fail(report.error());
    }
    out_ << "restored " << settings_.databasePath << " from " << report->restoredFrom << " ("
         << report->ledgerEvents << " ledger events, backup schema version " << report->backupSchemaVersion
         << ")\n";
    if (report->movedAside.empty()) {
        out_ << "there was no database before; nothing was moved\n";
    } else {
        out_ << "the previous database was moved to " << report->movedAside << " (nothing was deleted)\n";
    }
    return kExitOk;
}

int DbCommands::exportLedger(const std::string& format, const std::string& outputPath) {
    const auto parsed = storage::parseExportFormat(format);
    if (!parsed) {
        err_ << "kioskctl: unknown export format '" << format << "' (use csv or json)\n";
        return kExitUsage;
    }
    if (!outputPath.empty() && storage::DatabaseFiles::exists(outputPath)) {
        err_ << "kioskctl: " << outputPath << " already exists; choose another name\n";
        return kExitProblem;
    }
    auto store = openForReading();
    if (!store) {
        return fail(store.error());
    }
    std::ofstream file;
    if (!outputPath.empty()) {
        file.open(outputPath, std::ios::binary);
        if (!file) {
            err_ << "kioskctl: cannot create " << outputPath << "\n";
            return kExitProblem;
        }
    }
    std::ostream& out = outputPath.empty() ? out_ : file;
    storage::Maintenance maintenance(store->database());
    auto written = maintenance.exportLedger(out, *parsed);
    if (!written) {
        return fail(written.error());
    }
    // The summary goes to stderr so that stdout carries only the export.
    err_ << "exported " << written.value() << " events as " << format
         << (outputPath.empty() ? "" : " to " + outputPath) << "\n";
    return kExitOk;
}

int DbCommands::prune(int retentionDays, bool yes) {
    if (retentionDays < 0) {
        err_ << "kioskctl: --retention-days must be 0 or more\n";
        return kExitUsage;
    }
    storage::PruneOptions prune;
    prune.retentionMs = std::int64_t{retentionDays} * kMsPerDay;
    prune.nowMs = nowMs();
    const std::string cutoff = isoUtc(prune.nowMs - prune.retentionMs);
    if (!yes) {
        auto store = openForReading();
        if (!store) {
            return fail(store.error());
        }
        auto count = storage::Maintenance(store->database()).countPrunable(prune);
        if (!count) {
            return fail(count.error());
        }
        out_ << count.value() << " events acknowledged by head office before " << cutoff << " (" << retentionDays
             << " days) can be pruned. Nothing was changed; run again with --yes to prune them.\n";
        return kExitOk;
    }
    if (!storage::DatabaseFiles::exists(settings_.databasePath)) {
        err_ << "kioskctl: database " << settings_.databasePath << " does not exist\n";
        return kExitProblem;
    }
    storage::KioskStoreOptions options;
    options.path = settings_.databasePath;
    options.busyTimeoutMs = settings_.busyTimeoutMs;
    options.moveCorruptAside = false;  // kioskctl reports damage; only the kiosk moves files aside
    auto store = storage::KioskStore::open(options);
    if (!store) {
        return fail(store.error());
    }
    if (store->readOnly()) {
        err_ << "kioskctl: cannot prune: " << store->readOnlyReason() << "\n";
        return kExitProblem;
    }
    auto report = storage::Maintenance(store->database()).prune(prune);
    if (!report) {
        return fail(report.error());
    }
    out_ << "pruned " << report->eventsPruned << " events acknowledged before " << cutoff << " in "
         << report->batches << (report->batches == 1 ? " batch" : " batches") << "; database " << report->bytesBefore
         << " -> " << report->bytesAfter << " bytes\n";
    if (!report->shrinkable) {
        out_ << "this database was created without incremental auto-vacuum: the freed space is reused but the "
                "file does not shrink\n";
    }
    return kExitOk;
}

int DbCommands::info() {
    auto store = openForReading();
    if (!store) {
        return fail(store.error());
    }
    auto& db = store->database();
    const std::string& path = settings_.databasePath;
    const auto mainBytes = storage::DatabaseFiles::fileBytes(path);
    const auto walBytes = storage::DatabaseFiles::fileBytes(path + "-wal");
    out_ << "database:        " << path << "\n";
    out_ << "size:            " << mainBytes + walBytes << " bytes (main file " << mainBytes << ", wal " << walBytes
         << ")\n";
    out_ << "schema version:  " << store->schemaVersion() << " (this kioskctl knows up to "
         << storage::Migrator::latestVersion() << ")\n";
    auto journal = db.queryText("PRAGMA journal_mode");
    out_ << "journal mode:    " << (journal ? journal.value() : "unknown") << "\n";
    auto synchronous = db.synchronousLevel();
    out_ << "synchronous:     " << (synchronous ? storage::Database::synchronousName(synchronous.value()) : "unknown")
         << " (per connection: kioskctl's; the kiosk sets and checks FULL on each of its own)\n";
    const auto pages = queryOptionalInt(db, "PRAGMA page_count");
    const auto pageSize = queryOptionalInt(db, "PRAGMA page_size");
    const auto freePages = queryOptionalInt(db, "PRAGMA freelist_count");
    out_ << "pages:           " << pages.value_or(0) << " of " << pageSize.value_or(0) << " bytes, "
         << freePages.value_or(0) << " free\n";
    const auto vacuum = queryOptionalInt(db, "PRAGMA auto_vacuum");
    out_ << "auto vacuum:     " << (vacuum ? autoVacuumName(*vacuum) : "unknown") << "\n";
    if (store->schemaVersion() < 1) {
        out_ << "ledger:          none (not a kiosk database yet)\n";
        return kExitOk;
    }
    const auto events = queryOptionalInt(db, "SELECT count(*) FROM ledger");
    const auto unsent = queryOptionalInt(db, "SELECT count(*) FROM outbox WHERE acknowledged_at IS NULL");
    const auto rejected =
        queryOptionalInt(db, "SELECT count(*) FROM outbox WHERE result = 'rejected' AND resolved_at IS NULL");
    const auto oldest = queryOptionalInt(
        db, "SELECT min(l.wall_time) FROM ledger l JOIN outbox o ON o.seq = l.seq WHERE o.acknowledged_at IS NULL");
    out_ << "ledger events:   " << events.value_or(0) << "\n";
    out_ << "outbox depth:    " << unsent.value_or(0) << " unsent, " << rejected.value_or(0)
         << " rejected awaiting staff\n";
    if (oldest) {
        out_ << "oldest unsent:   " << age(nowMs() - *oldest) << " ago (" << isoUtc(*oldest) << ")\n";
    } else {
        out_ << "oldest unsent:   none\n";
    }
    return kExitOk;
}

}  // namespace kioskctl
