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
