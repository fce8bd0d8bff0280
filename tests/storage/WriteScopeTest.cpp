#include "storage/WriteScope.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(WriteScope) {
    storagetest::StorageTestDatabase t{"kiosk-scope"};
    void setup() override { CHECK_TRUE(t.db.exec("CREATE TABLE n (x INTEGER)").hasValue()); }
};

TEST(WriteScope, OnItsOwnItIsATransaction) {
    {
        auto scope = storage::WriteScope::begin(t.db);
        CHECK_TRUE(t.db.exec("INSERT INTO n VALUES (1)").hasValue());
    }
    LONGS_EQUAL(0, t.count("n"));
    {
        auto scope = storage::WriteScope::begin(t.db);
        CHECK_TRUE(t.db.exec("INSERT INTO n VALUES (2)").hasValue());
        CHECK_TRUE(scope->commit().hasValue());
        CHECK_FALSE(scope->commit().hasValue());
    }
    LONGS_EQUAL(1, t.count("n"));
}

TEST(WriteScope, InsideATransactionItUndoesOnlyItsOwnRows) {
    CHECK_TRUE(t.db.exec("BEGIN IMMEDIATE; INSERT INTO n VALUES (1)").hasValue());
    {
        auto scope = storage::WriteScope::begin(t.db);
        CHECK_TRUE(t.db.exec("INSERT INTO n VALUES (2)").hasValue());
    }
    {
        auto scope = storage::WriteScope::begin(t.db);
        CHECK_TRUE(t.db.exec("INSERT INTO n VALUES (3)").hasValue());
        CHECK_TRUE(scope->commit().hasValue());
    }
    CHECK_TRUE(t.db.exec("COMMIT").hasValue());
    LONGS_EQUAL(4, t.queryInt("SELECT sum(x) FROM n"));
}
