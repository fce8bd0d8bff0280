#include <string>

#include "storage/KioskIdentity.h"
#include "storage/Transaction.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(KioskIdentity) {
    storagetest::StorageTestDatabase t{"kiosk-identity", false};
    storage::KioskIdentity identity{t.db};
};

TEST(KioskIdentity, HasNoIdUntilProvisioned) {
    auto id = identity.kioskId();
    CHECK_TRUE(id.hasValue());
    CHECK_FALSE(id->has_value());
    auto tx = storage::Transaction::begin(t.db);
    auto seq = identity.nextSequence();
    CHECK_FALSE(seq.hasValue());
    CHECK(seq.error().code == storage::ErrorCode::NotFound);
    STRCMP_CONTAINS("provision", seq.error().message.c_str());
}

TEST(KioskIdentity, ProvisionsOnceAndAcceptsTheSameIdAgain) {
    CHECK_TRUE(identity.provision("shop-12.till_3", 1).hasValue());
    STRCMP_EQUAL("shop-12.till_3", identity.kioskId()->value().c_str());
    CHECK_TRUE(identity.provision("shop-12.till_3", 2).hasValue());
    auto other = identity.provision("shop-99", 3);
    CHECK_FALSE(other.hasValue());
    CHECK(other.error().code == storage::ErrorCode::Constraint);
    STRCMP_CONTAINS("shop-12.till_3", other.error().message.c_str());
    STRCMP_EQUAL("shop-12.till_3", identity.kioskId()->value().c_str());
}

TEST(KioskIdentity, RefusesIdsThatAreEmptyTooLongOrOddlySpelt) {
    for (const std::string& bad : {std::string(), std::string(65, 'k'), std::string("kiosk 1"),
                                   std::string("kiosk/1"), std::string("kiösk")}) {
        auto result = identity.provision(bad, 1);
        CHECK_FALSE(result.hasValue());
        CHECK(result.error().code == storage::ErrorCode::InvalidArgument);
    }
    CHECK_TRUE(identity.provision(std::string(64, 'k'), 1).hasValue());
}

TEST(KioskIdentity, TheNextSequenceIsReadInsideATransactionAndFollowsTheLedger) {
    CHECK_TRUE(identity.provision("kiosk-1", 1).hasValue());
    auto outside = identity.nextSequence();
    CHECK_FALSE(outside.hasValue());
    CHECK(outside.error().code == storage::ErrorCode::Internal);
    auto tx = storage::Transaction::begin(t.db);
    LONGS_EQUAL(1, identity.nextSequence().value());
    LONGS_EQUAL(1, identity.nextSequence().value());  // reading takes nothing: the insert does
    CHECK_TRUE(t.db.exec("INSERT INTO ledger (seq, id, kiosk_id, type, reason, wall_time, utc_offset, monotonic_ns) "
                         "VALUES (1, 'a', 'kiosk-1', 'rating', 'r', 0, 0, 0), "
                         "(2, 'b', 'kiosk-1', 'rating', 'r', 0, 0, 0)")
                   .hasValue());
    LONGS_EQUAL(3, identity.nextSequence().value());
}

TEST(KioskIdentity, AFloorRaisedBeforePruningKeepsPrunedNumbersFromComingBack) {
    CHECK_TRUE(identity.provision("kiosk-1", 1).hasValue());
    auto tx = storage::Transaction::begin(t.db);
    CHECK_TRUE(t.db.exec("INSERT INTO ledger (seq, id, kiosk_id, type, reason, wall_time, utc_offset, monotonic_ns) "
                         "VALUES (1, 'a', 'kiosk-1', 'rating', 'r', 0, 0, 0), "
                         "(2, 'b', 'kiosk-1', 'rating', 'r', 0, 0, 0)")
                   .hasValue());
    CHECK_TRUE(identity.raiseSequenceFloor().hasValue());
    // As a prune would, with its gate open (the append-only trigger allows only that).
    CHECK_TRUE(t.db.exec("INSERT INTO prune_gate VALUES (1, 0); DROP TRIGGER ledger_deletes_only_pruned; "
                         "DELETE FROM ledger")
                   .hasValue());
    LONGS_EQUAL(3, identity.nextSequence().value());
    CHECK_TRUE(identity.raiseSequenceFloor().hasValue());  // an empty ledger lowers nothing
    LONGS_EQUAL(3, identity.nextSequence().value());
}

TEST(KioskIdentity, CardSerialsOnlyGoUpEvenAfterARestoreFromAnOldBackup) {
    const std::int64_t epoch = storage::KioskIdentity::kCardSerialEpoch;
    auto before = identity.takeCardSerial(epoch + 100);
    CHECK_FALSE(before.hasValue());
    CHECK(before.error().code == storage::ErrorCode::NotFound);
    CHECK_TRUE(identity.provision("kiosk-1", 1).hasValue());
    // The seconds since 2026-01-01, then one more for each card in the same second.
    LONGS_EQUAL(100, identity.takeCardSerial(epoch + 100).value());
    LONGS_EQUAL(101, identity.takeCardSerial(epoch + 100).value());
    LONGS_EQUAL(102, identity.takeCardSerial(epoch + 50).value());  // the clock went back
    LONGS_EQUAL(500, identity.takeCardSerial(epoch + 500).value());
    // A database restored from a backup taken at serial 101 is past it at once.
    CHECK_TRUE(t.db.exec("UPDATE kiosk SET card_serial = 101").hasValue());
    LONGS_EQUAL(600, identity.takeCardSerial(epoch + 600).value());
    LONGS_EQUAL(600, t.db.queryInt("SELECT card_serial FROM kiosk").value());
}

TEST(KioskIdentity, TheLastCardSerialIsRefusedNotWrapped) {
    CHECK_TRUE(identity.provision("kiosk-1", 1).hasValue());
    CHECK_TRUE(t.db.exec("UPDATE kiosk SET card_serial = 4294967295").hasValue());
    auto full = identity.takeCardSerial(storage::KioskIdentity::kCardSerialEpoch + 1);
    CHECK_FALSE(full.hasValue());
    CHECK(full.error().code == storage::ErrorCode::Constraint);
    LONGS_EQUAL(4294967295LL, t.db.queryInt("SELECT card_serial FROM kiosk").value());
}
