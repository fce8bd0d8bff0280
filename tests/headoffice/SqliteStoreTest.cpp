// The store contract (StoreContract.cpp) on SQLite, plus what is SQLite's own:
// the file's settings and refusing files that are not a head-office store.

#include <memory>
#include <string>

#include "headoffice/EarnedWindow.h"
#include "headoffice/SqliteConnection.h"
#include "headoffice/SqliteStore.h"
#include "headoffice/StoreFactory.h"
#include "support/TempDir.h"
#include "tests/headoffice/StoreContract.h"
#include "tests/headoffice/TestHeadOffice.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(SqliteStore) {
    testsupport::TempDir dir{"headoffice-sqlite"};
    std::unique_ptr<headoffice::Store> store;
    void setup() override {
        auto opened = headoffice::StoreFactory::open("sqlite:" + dir.file("store.db"));
        CHECK_TRUE_TEXT(opened.hasValue(), opened ? "" : opened.error().message.c_str());
        store = std::move(*opened);
    }
    void teardown() override { store.reset(); }
};

#define HEADOFFICE_SQLITE_CASE(name) \
    TEST(SqliteStore, name) { hotest::StoreContract(*store).name(); }
HEADOFFICE_STORE_CASES(HEADOFFICE_SQLITE_CASE)
#undef HEADOFFICE_SQLITE_CASE

TEST(SqliteStore, RunsInWalModeAndReopensWithItsData) {
    STRCMP_CONTAINS("journal_mode=wal synchronous=NORMAL", store->describe().c_str());
    hotest::StoreContract(*store).AppliesEventsToBalancesOnce();
    store.reset();
    auto reopened = headoffice::StoreFactory::open(dir.file("store.db"));  // a plain path works too
    CHECK_TRUE(reopened.hasValue());
    LONGS_EQUAL(850, (*(*reopened)->member("m-1"))->balance);
}

TEST(SqliteStore, FullSynchronousIsAStoreUrlOption) {
    store.reset();
    auto full = headoffice::StoreFactory::open("sqlite:" + dir.file("store.db") + "?synchronous=full");
    CHECK_TRUE(full.hasValue());
    STRCMP_CONTAINS("synchronous=FULL", (*full)->describe().c_str());
    hotest::StoreContract(**full).AppliesEventsToBalancesOnce();
}

TEST(SqliteStore, RefusesAnotherProgramsDatabaseAndBadUrls) {
    {
        auto other = headoffice::SqliteConnection::open(dir.file("kiosk.db"));
        CHECK_TRUE(other->exec("CREATE TABLE ledger (seq INTEGER PRIMARY KEY)").hasValue());
    }
    auto opened = headoffice::StoreFactory::open(dir.file("kiosk.db"));
    CHECK_FALSE(opened.hasValue());
    STRCMP_CONTAINS("not a head-office store", opened.error().message.c_str());
    auto missingDir = headoffice::StoreFactory::open(dir.file("no/such/dir/store.db"));
    CHECK_FALSE(missingDir.hasValue());
    STRCMP_CONTAINS("no/such/dir/store.db", missingDir.error().message.c_str());
    CHECK_FALSE(headoffice::StoreFactory::open("sqlite:").hasValue());
    STRCMP_CONTAINS("unknown SQLite store option",
                    headoffice::StoreFactory::open("sqlite:" + dir.file("x.db") + "?sync=off").error().message.c_str());
    STRCMP_CONTAINS("unknown store URL scheme", headoffice::StoreFactory::open("mysql://x/y").error().message.c_str());
}

TEST(SqliteStore, ASchemaOneFileGetsItsEarningHistoryFromTheEventsItAccepted) {
    hotest::StoreContract(*store).KeepsEarningHistoryFromEvents();
    store.reset();
    {
        // What a headoffice before earned_points left behind.
        auto old = headoffice::SqliteConnection::open(dir.file("store.db"));
        CHECK_TRUE(old.hasValue());
        CHECK_TRUE(old->exec("DROP TABLE earned_points").hasValue());
        CHECK_TRUE(old->exec("PRAGMA user_version=1").hasValue());
    }
    auto reopened = headoffice::StoreFactory::open("sqlite:" + dir.file("store.db"));
    CHECK_TRUE_TEXT(reopened.hasValue(), reopened ? "" : reopened.error().message.c_str());
    store = std::move(*reopened);
    const auto window = headoffice::EarnedWindow::endingAt(hotest::kNow);
    // From the events alone (the load file's opening history was never an event): m-1's earn of 50 today;
    // its earns of 30 and 9 were voided. m-2: 7 and 4, both on 2026-11-18 in the shop.
    auto m1 = store->earned("m-1", window);
    CHECK_TRUE(m1.hasValue());
    LONGS_EQUAL(1, m1->size());
    STRCMP_EQUAL("2026-11-18", (*m1)[0].day.c_str());
    LONGS_EQUAL(50, (*m1)[0].points);
    auto m2 = store->earned("m-2", window);
    LONGS_EQUAL(1, m2->size());
    LONGS_EQUAL(11, (*m2)[0].points);
    store.reset();
    auto check = headoffice::SqliteConnection::open(dir.file("store.db"));
    STRCMP_EQUAL("2", check->queryText("PRAGMA user_version")->c_str());
}
