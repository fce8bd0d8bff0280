#include <string>

#include "storage/Database.h"
#include "storage/Transaction.h"
#include "support/TempDir.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(Database) {
    testsupport::TempDir dir{"kiosk-db"};
    std::string path() const { return dir.file("kiosk.db"); }
};

TEST(Database, OpensWithWalFullSynchronousAndForeignKeys) {
    auto db = storage::Database::open({path()});
    CHECK_TRUE(db.hasValue());
    STRCMP_EQUAL("wal", db->queryText("PRAGMA journal_mode")->c_str());
    LONGS_EQUAL(2, db->synchronousLevel().value());
    LONGS_EQUAL(1, db->queryInt("PRAGMA foreign_keys").value());
}

TEST(Database, TransactionRollsBackUnlessCommitted) {
    auto db = storage::Database::open({path()});
    CHECK_TRUE(db->exec("CREATE TABLE t (x INTEGER)").hasValue());
    {
        auto tx = storage::Transaction::begin(*db);
        CHECK_TRUE(tx.hasValue());
        CHECK_TRUE(db->exec("INSERT INTO t VALUES (1)").hasValue());
    }
    LONGS_EQUAL(0, db->queryInt("SELECT count(*) FROM t").value());
    {
        auto tx = storage::Transaction::begin(*db);
        CHECK_TRUE(db->exec("INSERT INTO t VALUES (2)").hasValue());
        CHECK_TRUE(tx->commit().hasValue());
    }
    LONGS_EQUAL(2, db->queryInt("SELECT sum(x) FROM t").value());
}

TEST(Database, TextIsCopiedOutAndBindErrorsSurfaceOnStep) {
    auto db = storage::Database::open({path()});
    CHECK_TRUE(db->exec("CREATE TABLE t (name TEXT)").hasValue());
    auto insert = db->prepare("INSERT INTO t VALUES (?1)");
    CHECK_TRUE(insert->bind(1, std::string_view("Ana")).run().hasValue());
    auto bad = db->prepare("INSERT INTO t VALUES (?1)");
    auto failed = bad->bind(7, std::int64_t{1}).run();
    CHECK_FALSE(failed.hasValue());
    CHECK(failed.error().code == storage::ErrorCode::InvalidArgument);
    std::string copied;
    {
        auto select = db->prepare("SELECT name FROM t");
        CHECK_TRUE(select->step().value());
        copied = select->columnText(0);
    }
    STRCMP_EQUAL("Ana", copied.c_str());
}

TEST(Database, AMissingDirectoryIsCannotOpenNamingTheFile) {
    auto db = storage::Database::open({dir.file("missing/dir/kiosk.db")});
    CHECK_FALSE(db.hasValue());
    CHECK(db.error().code == storage::ErrorCode::CannotOpen);
    STRCMP_CONTAINS("missing/dir/kiosk.db", db.error().message.c_str());
}
