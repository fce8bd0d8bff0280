#include "storage/StatementCache.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(StatementCache) {
    storagetest::StorageTestDatabase t{"kiosk-cache"};
    storage::StatementCache cache{t.db};
};

TEST(StatementCache, TheSameSqlGivesTheSameStatementResetEachTime) {
    CHECK_TRUE(t.db.exec("CREATE TABLE n (x INTEGER); INSERT INTO n VALUES (1), (2)").hasValue());
    auto first = cache.get("SELECT x FROM n ORDER BY x");
    CHECK_TRUE((*first)->step().value());
    LONGS_EQUAL(1, (*first)->columnInt64(0));
    auto second = cache.get("SELECT x FROM n ORDER BY x");
    POINTERS_EQUAL(*first, *second);
    CHECK_TRUE((*second)->step().value());
    LONGS_EQUAL(1, (*second)->columnInt64(0));  // started again
    CHECK(cache.get("SELECT nope FROM nowhere").error().code == storage::ErrorCode::Internal);
}

TEST(StatementCache, ResetAllReleasesTheReadSnapshot) {
    CHECK_TRUE(t.db.exec("CREATE TABLE n (x INTEGER); INSERT INTO n VALUES (1), (2)").hasValue());
    auto select = cache.get("SELECT x FROM n");
    CHECK_TRUE((*select)->step().value());  // a statement mid-way holds a read transaction
    auto other = storage::Database::open({t.dir.file("kiosk.db")});
    CHECK_TRUE(other->exec("INSERT INTO n VALUES (3)").hasValue());
    cache.resetAll();
    LONGS_EQUAL(3, t.queryInt("SELECT count(*) FROM n"));
}
