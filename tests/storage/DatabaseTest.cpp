#include <string>

#include "storage/Database.h"
#include "storage/StatementCache.h"
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

// The WAL coalescing VFS (Database.cpp) gathers a transaction's frames and
// writes them at its commit frame: whatever the synchronous level, another
// connection sees every committed transaction, large ones (more than the
// 120 KiB buffer) and rewritten frames included, and the file reopens intact.
TEST(Database, CommittedWalFramesReachTheFileInEverySynchronousMode) {
    const char* levels[] = {"FULL", "NORMAL", "OFF"};
    std::int64_t expected = 0;
    for (const char* level : levels) {
        auto writer = storage::Database::open({path()});
        CHECK_TRUE(writer.hasValue());
        CHECK_TRUE(writer->exec(std::string("PRAGMA synchronous = ") + level).hasValue());
        CHECK_TRUE(writer->exec("CREATE TABLE IF NOT EXISTS t (x INTEGER, pad BLOB)").hasValue());
        auto reader = storage::Database::open({path()});
        CHECK_TRUE(reader.hasValue());
        for (int i = 0; i < 20; ++i) {
            CHECK_TRUE(writer->exec("INSERT INTO t VALUES (1, zeroblob(100))").hasValue());
            ++expected;
            LONGS_EQUAL(expected, reader->queryInt("SELECT count(*) FROM t").value());
        }
        {
            // ~2 MB in one transaction: many buffers' worth, with cache spills.
            CHECK_TRUE(writer->exec("PRAGMA cache_size = 50").hasValue());
            auto tx = storage::Transaction::begin(*writer);
            CHECK_TRUE(writer->exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) "
                                    "INSERT INTO t SELECT 2, randomblob(4000) FROM n")
                           .hasValue());
            CHECK_TRUE(writer->exec("UPDATE t SET x = x + 1 WHERE x = 2").hasValue());
            CHECK_TRUE(tx->commit().hasValue());
            expected += 500;
        }
        LONGS_EQUAL(expected, reader->queryInt("SELECT count(*) FROM t").value());
        LONGS_EQUAL(1500, reader->queryInt("SELECT sum(x) FROM t WHERE x = 3").value());
        CHECK_TRUE(writer->exec("DELETE FROM t WHERE x = 3").hasValue());
        expected -= 500;
        LONGS_EQUAL(expected, reader->queryInt("SELECT count(*) FROM t").value());
    }
    auto reopened = storage::Database::open({path()});
    STRCMP_EQUAL("ok", reopened->queryText("PRAGMA integrity_check")->c_str());
    LONGS_EQUAL(expected, reopened->queryInt("SELECT count(*) FROM t").value());
}

TEST(Database, ATransactionOnCachedStatementsCommitsAndRollsBack) {
    auto db = storage::Database::open({path()});
    CHECK_TRUE(db->exec("CREATE TABLE t (x INTEGER)").hasValue());
    storage::StatementCache statements(*db);
    {
        auto tx = storage::Transaction::begin(statements);
        CHECK_TRUE(tx.hasValue());
        CHECK_TRUE(db->exec("INSERT INTO t VALUES (1)").hasValue());
    }
    LONGS_EQUAL(0, db->queryInt("SELECT count(*) FROM t").value());
    for (int i = 0; i < 3; ++i) {
        auto tx = storage::Transaction::begin(statements);
        CHECK_TRUE(db->exec("INSERT INTO t VALUES (2)").hasValue());
        CHECK_TRUE(tx->commit().hasValue());
    }
    LONGS_EQUAL(6, db->queryInt("SELECT sum(x) FROM t").value());
}
