// The store contract (StoreContract.cpp) on SQLite, plus what is SQLite's own:
// the file's settings and refusing files that are not a head-office store.

#include <memory>
#include <string>

#include "headoffice/SqliteConnection.h"
#include "headoffice/SqliteStore.h"
#include "headoffice/StoreFactory.h"
#include "support/TempDir.h"
#include "tests/headoffice/StoreContract.h"

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
