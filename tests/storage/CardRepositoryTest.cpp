#include <string>

#include "storage/CardRepository.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(CardRepository) {
    storagetest::StorageTestDatabase t{"kiosk-cards"};
    storage::CardRepository cards{t.db};
    void setup() override {
        t.addMember("m-1");
        t.addMember("m-2");
    }
};

TEST(CardRepository, ALinkedCardReadsBackWithItsMember) {
    CHECK_TRUE(cards.link("04a1b2c3", "m-1", storage::CardKind::Ntag21x, 10).hasValue());
    auto card = cards.get("04a1b2c3");
    CHECK_TRUE(card.hasValue() && card->has_value());
    STRCMP_EQUAL("m-1", (*card)->memberId.c_str());
    CHECK((*card)->kind == storage::CardKind::Ntag21x);
    CHECK((*card)->status == loyalty::CardStatus::Active);
    CHECK_FALSE((*card)->lastSunCounter.has_value());
    CHECK_FALSE(cards.get("nope")->has_value());
}

TEST(CardRepository, ACardOfAnotherMemberOrForNobodyIsRefused) {
    CHECK_TRUE(cards.link("c-1", "m-1", storage::CardKind::Uid, 10).hasValue());
    auto other = cards.link("c-1", "m-2", storage::CardKind::Uid, 11);
    CHECK_FALSE(other.hasValue());
    CHECK(other.error().code == storage::ErrorCode::Constraint);
    STRCMP_EQUAL("m-1", cards.get("c-1")->value().memberId.c_str());
    CHECK(cards.link("c-2", "ghost", storage::CardKind::Uid, 11).error().code == storage::ErrorCode::NotFound);
    CHECK(cards.link("", "m-1", storage::CardKind::Uid, 11).error().code == storage::ErrorCode::InvalidArgument);
}

TEST(CardRepository, HeadOfficeMayMoveACardToAnotherMemberWhichRestartsItsCounts) {
    CHECK_TRUE(cards.link("c-1", "m-1", storage::CardKind::Uid, 10).hasValue());
    CHECK_TRUE(t.db.exec("UPDATE cards SET transactions_day = 7, transactions_count = 4, "
                         "consecutive_offline_redemptions = 2 WHERE token = 'c-1'")
                   .hasValue());
    // Same member, now lost: the counts stay.
    CHECK_TRUE(cards.assignFromHeadOffice("c-1", "m-1", storage::CardKind::Uid, loyalty::CardStatus::Lost, 11)
                   .hasValue());
    CHECK((*cards.get("c-1"))->status == loyalty::CardStatus::Lost);
    LONGS_EQUAL(4, t.queryInt("SELECT transactions_count FROM cards WHERE token = 'c-1'"));
    // Moved (a replacement at another store): the new member's card, counts restarted.
    CHECK_TRUE(cards.assignFromHeadOffice("c-1", "m-2", storage::CardKind::Ntag21x, loyalty::CardStatus::Active, 12)
                   .hasValue());
    auto card = cards.get("c-1");
    STRCMP_EQUAL("m-2", (*card)->memberId.c_str());
    CHECK((*card)->kind == storage::CardKind::Ntag21x);
    CHECK((*card)->status == loyalty::CardStatus::Active);
    LONGS_EQUAL(0, t.queryInt("SELECT transactions_count + consecutive_offline_redemptions FROM cards"));
    LONGS_EQUAL(1, t.queryInt("SELECT transactions_day IS NULL FROM cards"));
    // A new card, and the refusals.
    CHECK_TRUE(cards.assignFromHeadOffice("c-2", "m-1", storage::CardKind::Uid, loyalty::CardStatus::Blocked, 13)
                   .hasValue());
    CHECK((*cards.get("c-2"))->status == loyalty::CardStatus::Blocked);
    CHECK(cards.assignFromHeadOffice("c-3", "ghost", storage::CardKind::Uid, loyalty::CardStatus::Active, 14)
              .error()
              .code == storage::ErrorCode::NotFound);
    CHECK(cards.assignFromHeadOffice("", "m-1", storage::CardKind::Uid, loyalty::CardStatus::Active, 14).error().code ==
          storage::ErrorCode::InvalidArgument);
}

TEST(CardRepository, StatusChangesAndRelinkingReactivates) {
    CHECK_TRUE(cards.link("c-1", "m-1", storage::CardKind::Uid, 10).hasValue());
    CHECK_TRUE(cards.setStatus("c-1", loyalty::CardStatus::Lost, 11).hasValue());
    CHECK(cards.get("c-1")->value().status == loyalty::CardStatus::Lost);
    CHECK_TRUE(cards.link("c-1", "m-1", storage::CardKind::Uid, 12).hasValue());
    CHECK(cards.get("c-1")->value().status == loyalty::CardStatus::Active);
    CHECK(cards.setStatus("nope", loyalty::CardStatus::Blocked, 12).error().code == storage::ErrorCode::NotFound);
}

TEST(CardRepository, ASunCounterIsAcceptedOnlyWhenStrictlyAboveTheLastOne) {
    CHECK_TRUE(cards.link("c-1", "m-1", storage::CardKind::Ntag424, 10).hasValue());
    CHECK_TRUE(cards.acceptSunCounter("c-1", 0).value());   // first read ever
    CHECK_FALSE(cards.acceptSunCounter("c-1", 0).value());  // replay
    CHECK_TRUE(cards.acceptSunCounter("c-1", 7).value());
    CHECK_FALSE(cards.acceptSunCounter("c-1", 6).value());  // older read
    CHECK_FALSE(cards.acceptSunCounter("c-1", 7).value());
    CHECK_TRUE(cards.acceptSunCounter("c-1", 0xFFFFFF).value());
    LONGS_EQUAL(0xFFFFFF, *cards.get("c-1")->value().lastSunCounter);
    CHECK(cards.acceptSunCounter("nope", 1).error().code == storage::ErrorCode::NotFound);
    CHECK(cards.acceptSunCounter("c-1", -1).error().code == storage::ErrorCode::InvalidArgument);
}

TEST(CardRepository, TheRulesSeeTodaysTransactionsOnly) {
    storage::CardRecord card;
    card.token = "c-1";
    card.kind = storage::CardKind::Uid;
    card.status = loyalty::CardStatus::Blocked;
    card.consecutiveOfflineRedemptions = 2;
    card.transactionsDay = 100;
    card.transactionsCount = 4;
    const auto today = card.state(100);
    STRCMP_EQUAL("c-1", today.cardId.c_str());
    CHECK(today.status == loyalty::CardStatus::Blocked);
    CHECK(today.assurance == loyalty::Assurance::Low);
    LONGS_EQUAL(2, today.consecutiveOfflineRedemptions);
    LONGS_EQUAL(4, today.transactionsToday);
    LONGS_EQUAL(0, card.state(101).transactionsToday);
    card.transactionsDay.reset();
    LONGS_EQUAL(0, card.state(100).transactionsToday);
}
