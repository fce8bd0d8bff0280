#include <string>

#include "storage/DatabaseFiles.h"
#include "storage/KioskStore.h"
#include "storage/Migrator.h"
#include "support/LedgerRows.h"
#include "support/TempDir.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(KioskStore) {
    testsupport::TempDir dir{"kiosk-store"};
    std::string path() const { return dir.file("kiosk.db"); }

    storage::KioskStoreOptions options(storage::StoreAccess access = storage::StoreAccess::ReadWrite) const {
        storage::KioskStoreOptions result;
        result.path = path();
        result.access = access;
        return result;
    }
};

TEST(KioskStore, AFreshDatabaseIsWritableMigratedWalFullAndIncrementallyVacuumed) {
    auto store = storage::KioskStore::open(options());
    CHECK_TRUE(store.hasValue());
    CHECK_FALSE(store->readOnly());
    CHECK_FALSE(store->degraded());
    LONGS_EQUAL(0, store->migratedFrom());
    LONGS_EQUAL(storage::Migrator::latestVersion(), store->schemaVersion());
    auto& db = store->database();
    STRCMP_EQUAL("wal", db.queryText("PRAGMA journal_mode")->c_str());
    LONGS_EQUAL(2, db.synchronousLevel().value());
    LONGS_EQUAL(2, db.queryInt("PRAGMA auto_vacuum").value());  // INCREMENTAL
    LONGS_EQUAL(storage::Migrator::latestVersion(), db.queryInt("PRAGMA user_version").value());
}

TEST(KioskStore, AnExistingDatabaseKeepsTheAutoVacuumModeItWasCreatedWith) {
    {
        auto db = storage::Database::open({path()});
        CHECK_TRUE(storage::Migrator::migrate(*db).hasValue());
        CHECK_TRUE(db->exec("PRAGMA auto_vacuum = NONE").hasValue());
        CHECK_TRUE(db->exec("VACUUM").hasValue());
        LONGS_EQUAL(0, db->queryInt("PRAGMA auto_vacuum").value());
    }
    auto store = storage::KioskStore::open(options());
    CHECK_TRUE(store.hasValue());
    LONGS_EQUAL(0, store->database().queryInt("PRAGMA auto_vacuum").value());
}

TEST(KioskStore, ReopeningKeepsEverythingAndMigratesNothing) {
    {
        auto store = storage::KioskStore::open(options());
        testsupport::LedgerRows rows(store->database());
        CHECK_TRUE(rows.addMany(1, 25, {}).hasValue());
    }
    auto store = storage::KioskStore::open(options());
    CHECK_TRUE(store.hasValue());
    LONGS_EQUAL(storage::Migrator::latestVersion(), store->migratedFrom());
    testsupport::LedgerRows rows(store->database());
    LONGS_EQUAL(25, rows.count());
}

TEST(KioskStore, FullCheckOfASoundDatabaseFindsNothing) {
    auto store = storage::KioskStore::open(options());
    testsupport::LedgerRows rows(store->database());
    CHECK_TRUE(rows.addMany(1, 200, {}).hasValue());
    auto report = store->fullCheck();
    CHECK_TRUE(report.hasValue());
    CHECK_TRUE(report->ok());
    STRCMP_EQUAL("ok", report->summary().c_str());
}

TEST(KioskStore, ReadOnlyAccessNeverCreatesAFile) {
    auto store = storage::KioskStore::open(options(storage::StoreAccess::ReadOnly));
    CHECK_FALSE(store.hasValue());
    CHECK(store.error().code == storage::ErrorCode::CannotOpen);
    STRCMP_CONTAINS("does not exist", store.error().message.c_str());
    CHECK_FALSE(storage::DatabaseFiles::exists(path()));
}

TEST(KioskStore, ReadOnlyAccessReadsButDoesNotWrite) {
    {
        auto store = storage::KioskStore::open(options());
        testsupport::LedgerRows rows(store->database());
        CHECK_TRUE(rows.addMany(1, 3, {}).hasValue());
    }
    auto store = storage::KioskStore::open(options(storage::StoreAccess::ReadOnly));
    CHECK_TRUE(store.hasValue());
    CHECK_TRUE(store->readOnly());
    CHECK_FALSE(store->degraded());  // asked for, not a fallback
    testsupport::LedgerRows rows(store->database());
    LONGS_EQUAL(3, rows.count());
    testsupport::EventRow row;
    row.seq = 4;
    auto write = rows.record(row);
    CHECK_FALSE(write.hasValue());
    CHECK(write.error().code == storage::ErrorCode::ReadOnly);
}

TEST(KioskStore, ASecondConnectionMaySkipTheQuickCheck) {
    auto first = storage::KioskStore::open(options());
    CHECK_TRUE(first.hasValue());
    auto secondOptions = options();
    secondOptions.quickCheck = false;
    auto second = storage::KioskStore::open(secondOptions);
    CHECK_TRUE(second.hasValue());
    testsupport::LedgerRows writer(first->database());
    CHECK_TRUE(writer.record({}).hasValue());
    testsupport::LedgerRows reader(second->database());
    LONGS_EQUAL(1, reader.count());
}

TEST(KioskStore, AnEmptyPathIsAnInvalidArgument) {
    storage::KioskStoreOptions none;
    auto store = storage::KioskStore::open(none);
    CHECK_FALSE(store.hasValue());
    CHECK(store.error().code == storage::ErrorCode::InvalidArgument);
}

TEST(KioskStore, AMissingDirectoryIsCannotOpen) {
    auto missing = options();
    missing.path = dir.file("no/such/dir/kiosk.db");
    auto store = storage::KioskStore::open(missing);
    CHECK_FALSE(store.hasValue());
    CHECK(store.error().code == storage::ErrorCode::CannotOpen);
    STRCMP_CONTAINS("no/such/dir/kiosk.db", store.error().message.c_str());
}
