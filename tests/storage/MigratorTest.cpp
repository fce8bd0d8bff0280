#include <string>
#include <vector>

#include "storage/Database.h"
#include "storage/Migrator.h"
#include "support/TempDir.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(Migrator) {
    testsupport::TempDir dir{"kiosk-migrate"};
    storage::Database open() {
        auto db = storage::Database::open({dir.file("kiosk.db")});
        CHECK_TRUE(db.hasValue());
        return std::move(db.value());
    }
};

TEST(Migrator, BringsAFreshDatabaseToTheLatestVersion) {
    auto db = open();
    auto from = storage::Migrator::migrate(db);
    CHECK_TRUE(from.hasValue());
    LONGS_EQUAL(0, from.value());
    CHECK_COMPARE(storage::Migrator::latestVersion(), >=, 1);
    LONGS_EQUAL(storage::Migrator::latestVersion(), db.queryInt("PRAGMA user_version").value());
    LONGS_EQUAL(0, db.queryInt("SELECT count(*) FROM ledger").value());
}

TEST(Migrator, RunningAgainChangesNothing) {
    auto db = open();
    CHECK_TRUE(storage::Migrator::migrate(db).hasValue());
    auto again = storage::Migrator::migrate(db);
    LONGS_EQUAL(storage::Migrator::latestVersion(), again.value());
}

TEST(Migrator, ADatabaseFromANewerProgramIsRefusedAndLeftAlone) {
    auto db = open();
    CHECK_TRUE(db.exec("PRAGMA user_version = 999").hasValue());
    auto result = storage::Migrator::migrate(db);
    CHECK_FALSE(result.hasValue());
    CHECK(result.error().code == storage::ErrorCode::SchemaTooNew);
    STRCMP_CONTAINS("schema version 999", result.error().message.c_str());
    LONGS_EQUAL(999, db.queryInt("PRAGMA user_version").value());
}

TEST(Migrator, AFailingStepKeepsTheVersionsBeforeItAndNothingOfItself) {
    auto db = open();
    const std::vector<storage::Migration> steps{
        {1, "0001_a", "CREATE TABLE a (x INTEGER);"},
        {2, "0002_b", "CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);"},
    };
    auto result = storage::Migrator::migrate(db, steps);
    CHECK_FALSE(result.hasValue());
    STRCMP_CONTAINS("0002_b", result.error().message.c_str());
    LONGS_EQUAL(1, db.queryInt("PRAGMA user_version").value());
    LONGS_EQUAL(1, db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'a'").value());
    LONGS_EQUAL(0, db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'b'").value());
}

TEST(Migrator, LedgerRowsCannotBeUpdatedOrDeletedOutsidePruning) {
    auto db = open();
    CHECK_TRUE(storage::Migrator::migrate(db).hasValue());
    CHECK_TRUE(db.exec("INSERT INTO ledger (seq, id, kiosk_id, type, reason, wall_time, utc_offset, monotonic_ns) "
                       "VALUES (1, 'e1', 'k1', 'earn', 'Purchase', 0, 0, 0)")
                   .hasValue());
    auto update = db.exec("UPDATE ledger SET points_delta = 1000 WHERE seq = 1");
    CHECK_FALSE(update.hasValue());
    STRCMP_CONTAINS("append-only", update.error().message.c_str());
    auto erase = db.exec("DELETE FROM ledger WHERE seq = 1");
    CHECK_FALSE(erase.hasValue());
    LONGS_EQUAL(1, db.queryInt("SELECT count(*) FROM ledger").value());
}
