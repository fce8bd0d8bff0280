// The technician's operations (issue 3, item 6): online backup while the
// kiosk writes, restore, pruning of acknowledged events with the file kept
// small. The export formats: LedgerExportTest.cpp.

#include <unistd.h>

#include <filesystem>
#include <string>

#include "storage/Transaction.h"
#include "storage/KioskIdentity.h"
#include "storage/DatabaseFiles.h"
#include "storage/KioskStore.h"
#include "storage/Maintenance.h"
#include "support/FileBytes.h"
#include "support/ForkedChild.h"
#include "support/LedgerRows.h"
#include "support/TempDir.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

constexpr std::int64_t kDayMs = 86400000;
constexpr std::int64_t kNow = 1710237600000 + 400 * kDayMs;

storage::KioskStore openStore(const std::string& path, storage::StoreAccess access = storage::StoreAccess::ReadWrite) {
    storage::KioskStoreOptions options;
    options.path = path;
    options.access = access;
    auto store = storage::KioskStore::open(options);
    CHECK_TRUE_TEXT(store.hasValue(), store ? "" : store.error().message.c_str());
    return std::move(store.value());
}

std::int64_t count(storage::Database& db, const std::string& sql) {
    auto value = db.queryInt(sql);
    CHECK_TRUE_TEXT(value.hasValue(), value ? "" : value.error().message.c_str());
    return value.value();
}

}  // namespace

TEST_GROUP(MaintenanceBackup) {
    testsupport::TempDir dir{"kiosk-backup"};
    std::string path() const { return dir.file("kiosk.db"); }
};

TEST(MaintenanceBackup, ABackupTakenWhileAnotherProcessWritesIsConsistentAndVerified) {
    {
        auto store = openStore(path());
        testsupport::LedgerRows rows(store.database());
        CHECK_TRUE(rows.addMany(1, 500, {}).hasValue());
    }
    const std::string file = path();
    testsupport::ForkedChild writer([&file](int ready) {
        auto store = storage::KioskStore::open({file});
        if (!store) {
            return 3;
        }
        testsupport::LedgerRows rows(store->database());
        for (std::int64_t seq = 501; seq < 1000000; ++seq) {
            testsupport::EventRow row;
            row.seq = seq;
            if (!rows.record(row)) {
                return 4;
            }
            if (seq == 510) {
                testsupport::ForkedChild::signalReady(ready);
            }
        }
        return 0;
    });
    CHECK_TRUE(writer.waitReady(20000));

    auto store = openStore(path(), storage::StoreAccess::ReadOnly);
    storage::Maintenance maintenance(store.database());
    auto report = maintenance.backup(dir.file("backup.db"));
    CHECK_TRUE_TEXT(report.hasValue(), report ? "" : report.error().message.c_str());
    const auto writtenAfter = count(store.database(), "SELECT count(*) FROM ledger");
    writer.kill();

    STRCMP_EQUAL(dir.file("backup.db").c_str(), report->path.c_str());
    CHECK_EQUAL(storage::DatabaseFiles::fileBytes(dir.file("backup.db")), report->bytes);
    CHECK_TRUE(std::filesystem::directory_iterator(dir.path()) != std::filesystem::directory_iterator());
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        CHECK_TRUE(entry.path().string().find(".partial-") == std::string::npos);
    }
    auto copy = openStore(dir.file("backup.db"), storage::StoreAccess::ReadOnly);
    auto& db = copy.database();
    STRCMP_EQUAL("delete", db.queryText("PRAGMA journal_mode")->c_str());  // one self-contained file
    CHECK_TRUE(copy.fullCheck()->ok());
    const auto events = count(db, "SELECT count(*) FROM ledger");
    CHECK_COMPARE(events, >=, 510);
    CHECK_COMPARE(events, <=, writtenAfter);
    LONGS_EQUAL(events, count(db, "SELECT count(*) FROM outbox"));  // a snapshot between two commits
    LONGS_EQUAL(events, count(db, "SELECT max(seq) FROM ledger"));
    UT_PRINT(("backup holds " + std::to_string(events) + " events; the writer had committed " +
              std::to_string(writtenAfter) + " when the backup was done")
                 .c_str());
}

TEST(MaintenanceBackup, AnExistingDestinationIsKeptUnlessOverwriteIsAsked) {
    auto store = openStore(path());
    storage::Maintenance maintenance(store.database());
    CHECK_TRUE(testsupport::FileBytes::write(dir.file("taken.db"), "precious"));
    auto refused = maintenance.backup(dir.file("taken.db"));
    CHECK_FALSE(refused.hasValue());
    CHECK(refused.error().code == storage::ErrorCode::InvalidArgument);
    STRCMP_CONTAINS("already exists", refused.error().message.c_str());
    STRCMP_EQUAL("precious", testsupport::FileBytes::read(dir.file("taken.db")).c_str());
    CHECK_TRUE(maintenance.backup(dir.file("taken.db"), true).hasValue());

    auto self = maintenance.backup(path(), true);
    CHECK_FALSE(self.hasValue());
    CHECK(self.error().code == storage::ErrorCode::InvalidArgument);
}

TEST(MaintenanceBackup, ADirectoryDestinationGetsAStampedName) {
    auto store = openStore(path());
    std::filesystem::create_directory(dir.file("usb"));
    auto report = storage::Maintenance(store.database()).backup(dir.file("usb"));
    CHECK_TRUE(report.hasValue());
    STRCMP_CONTAINS((dir.file("usb") + "/kiosk-").c_str(), report->path.c_str());
    CHECK_TRUE(storage::DatabaseFiles::exists(report->path));
}

TEST_GROUP(MaintenanceRestore) {
    testsupport::TempDir dir{"kiosk-restore"};
    std::string path() const { return dir.file("kiosk.db"); }
    std::string backupPath() const { return dir.file("backup.db"); }

    // 100 events backed up, then 50 more recorded after the backup.
    void prepare() {
        auto store = openStore(path());
        testsupport::LedgerRows rows(store.database());
        CHECK_TRUE(rows.addMany(1, 100, {}).hasValue());
        CHECK_TRUE(storage::Maintenance(store.database()).backup(backupPath()).hasValue());
        CHECK_TRUE(rows.addMany(101, 50, {}).hasValue());
    }
};

TEST(MaintenanceRestore, RestoresTheBackupAndMovesTheCurrentFileAside) {
    prepare();
    auto report = storage::Maintenance::restore(backupPath(), path());
    CHECK_TRUE_TEXT(report.hasValue(), report ? "" : report.error().message.c_str());
    LONGS_EQUAL(100, report->ledgerEvents);
    STRCMP_CONTAINS(".before-restore-", report->movedAside.c_str());

    auto restored = openStore(path());
    LONGS_EQUAL(100, count(restored.database(), "SELECT count(*) FROM ledger"));
    STRCMP_EQUAL("wal", restored.database().queryText("PRAGMA journal_mode")->c_str());
    auto previous = openStore(report->movedAside, storage::StoreAccess::ReadOnly);
    LONGS_EQUAL(150, count(previous.database(), "SELECT count(*) FROM ledger"));
}

TEST(MaintenanceRestore, ADamagedBackupIsRefusedAndTheDatabaseLeftAlone) {
    prepare();
    CHECK_TRUE(testsupport::FileBytes::overwrite(backupPath(), 0, std::string(100, '#')));
    auto report = storage::Maintenance::restore(backupPath(), path());
    CHECK_FALSE(report.hasValue());
    STRCMP_CONTAINS("cannot be restored", report.error().message.c_str());
    auto store = openStore(path());
    LONGS_EQUAL(150, count(store.database(), "SELECT count(*) FROM ledger"));
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        CHECK_TRUE(entry.path().string().find("before-restore") == std::string::npos);
    }
}

TEST(MaintenanceRestore, IsRefusedWhileAnotherProcessHasTheDatabaseOpen) {
    prepare();
    const std::string file = path();
    testsupport::ForkedChild kiosk([&file](int ready) {
        auto store = storage::KioskStore::open({file});
        if (!store) {
            return 3;
        }
        testsupport::ForkedChild::signalReady(ready);
        ::pause();
        return 0;
    });
    CHECK_TRUE(kiosk.waitReady(10000));
    auto report = storage::Maintenance::restore(backupPath(), path());
    CHECK_FALSE(report.hasValue());
    CHECK(report.error().code == storage::ErrorCode::Busy);
    STRCMP_CONTAINS(("process " + std::to_string(kiosk.pid())).c_str(), report.error().message.c_str());
    STRCMP_CONTAINS("stop the kiosk", report.error().message.c_str());
    kiosk.kill();
    auto store = openStore(path());
    LONGS_EQUAL(150, count(store.database(), "SELECT count(*) FROM ledger"));
}

TEST_GROUP(MaintenancePrune) {
    testsupport::TempDir dir{"kiosk-prune"};
    std::string path() const { return dir.file("kiosk.db"); }

    storage::PruneOptions days(std::int64_t retentionDays, int batchSize = 500) const {
        storage::PruneOptions options;
        options.retentionMs = retentionDays * kDayMs;
        options.nowMs = kNow;
        options.batchSize = batchSize;
        return options;
    }
};

TEST(MaintenancePrune, RemovesOnlyAcknowledgedEventsPastRetentionAndNeverOpenRejections) {
    auto store = openStore(path());
    auto& db = store.database();
    testsupport::LedgerRows rows(db);
    auto event = [&rows](std::int64_t seq, std::optional<std::int64_t> ackDaysAgo, const std::string& result,
                         bool resolved = false) {
        testsupport::EventRow row;
        row.seq = seq;
        if (ackDaysAgo) {
            row.acknowledgedAt = kNow - *ackDaysAgo * kDayMs;
        }
        row.result = result;
        if (resolved) {
            row.resolvedAt = kNow - kDayMs;
        }
        CHECK_TRUE(rows.record(row).hasValue());
    };
    event(1, 200, "accepted");           // pruned
    event(2, 100, "duplicate");          // pruned
    event(3, std::nullopt, "accepted");  // never sent: kept
    event(4, 200, "rejected");           // rejected, unresolved: kept
    event(5, 200, "rejected", true);     // rejected, resolved: pruned
    event(6, 30, "accepted");            // recent: kept
    event(7, 89, "accepted");            // just inside retention: kept

    storage::Maintenance maintenance(db);
    LONGS_EQUAL(3, maintenance.countPrunable(days(90)).value());
    auto report = maintenance.prune(days(90));
    CHECK_TRUE_TEXT(report.hasValue(), report ? "" : report.error().message.c_str());
    LONGS_EQUAL(3, report->eventsPruned);
    CHECK_EQUAL(kNow - 90 * kDayMs, report->cutoffMs);
    LONGS_EQUAL(4, rows.count());
    LONGS_EQUAL(4, count(db, "SELECT count(*) FROM outbox"));  // outbox rows went with their events
    LONGS_EQUAL(3 + 4 + 6 + 7, count(db, "SELECT sum(seq) FROM ledger"));
    LONGS_EQUAL(0, count(db, "SELECT count(*) FROM prune_gate"));  // closed again
    LONGS_EQUAL(0, maintenance.countPrunable(days(90)).value());
    CHECK_TRUE(store.fullCheck()->ok());
}

TEST(MaintenancePrune, ABigPruneGoesInBatches) {
    auto store = openStore(path());
    testsupport::LedgerRows rows(store.database());
    CHECK_TRUE(storage::KioskIdentity(store.database()).provision("kiosk-7", 0).hasValue());
    testsupport::EventRow old;
    old.acknowledgedAt = kNow - 365 * kDayMs;
    CHECK_TRUE(rows.addMany(1, 1050, old).hasValue());
    auto report = storage::Maintenance(store.database()).prune(days(90, 100));
    CHECK_TRUE(report.hasValue());
    LONGS_EQUAL(1050, report->eventsPruned);
    LONGS_EQUAL(11, report->batches);
    LONGS_EQUAL(0, rows.count());
    // The ledger is empty now, but the pruned events' numbers stay taken.
    auto tx = storage::Transaction::begin(store.database());
    LONGS_EQUAL(1051, storage::KioskIdentity(store.database()).nextSequence().value());
}

TEST(MaintenancePrune, PruningManyEventsShrinksTheFileAndKeepsItBounded) {
    auto store = openStore(path());
    auto& db = store.database();
    testsupport::LedgerRows rows(db);
    testsupport::EventRow old;
    old.reason = std::string(400, 'r');
    old.acknowledgedAt = kNow - 365 * kDayMs;
    testsupport::EventRow unsent;
    unsent.reason = "not sent yet";

    std::int64_t firstAfter = 0;
    for (int round = 0; round < 2; ++round) {
        const std::int64_t base = round * 5010;
        CHECK_TRUE(rows.addMany(base + 1, 5000, old).hasValue());
        CHECK_TRUE(rows.addMany(base + 5001, 10, unsent).hasValue());
        auto report = storage::Maintenance(db).prune(days(90));
        CHECK_TRUE_TEXT(report.hasValue(), report ? "" : report.error().message.c_str());
        LONGS_EQUAL(5000, report->eventsPruned);
        CHECK_TRUE(report->shrinkable);
        CHECK_COMPARE(report->bytesAfter * 4, <, report->bytesBefore);
        CHECK_EQUAL(report->bytesAfter, storage::DatabaseFiles::databaseBytes(path()));
        LONGS_EQUAL(0, count(db, "PRAGMA freelist_count"));
        if (round == 0) {
            firstAfter = report->bytesAfter;
        } else {
            CHECK_COMPARE(report->bytesAfter, <=, firstAfter + 8 * 4096);  // bounded, not growing
        }
    }
    LONGS_EQUAL(20, rows.count());  // every unsent event kept
    CHECK_TRUE(store.fullCheck()->ok());
}

TEST(MaintenancePrune, RefusesNonsenseOptions) {
    auto store = openStore(path());
    auto report = storage::Maintenance(store.database()).prune(days(-1));
    CHECK_FALSE(report.hasValue());
    CHECK(report.error().code == storage::ErrorCode::InvalidArgument);
    auto noBatch = storage::Maintenance(store.database()).prune(days(90, 0));
    CHECK_FALSE(noBatch.hasValue());
}
