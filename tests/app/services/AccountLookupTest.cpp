#include <string>
#include <variant>

#include "services/AccountLookup.h"
#include "storage/CardRepository.h"
#include "storage/MemberRepository.h"
#include "storage/StaffRepository.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using storagetest::dayTime;

TEST_GROUP(AccountLookup) {
    storagetest::StorageTestDatabase t{"kiosk-lookup"};
    services::AccountLookup lookup{t.db};

    kiosk::CardLookedUp look(const std::string& token) {
        return lookup.lookup(kiosk::LookupCard{42, token}, dayTime(0), true);
    }
    void addStaff(const std::string& id, storage::StaffRole role, const std::string& card, bool active = true) {
        storage::StaffRecord s;
        s.id = id;
        s.displayName = "Marco";
        s.role = role;
        s.cardToken = card;
        s.active = active;
        CHECK_TRUE(storage::StaffRepository(t.db).upsert(s, storagetest::kDay0Ms).hasValue());
    }
};

TEST(AccountLookup, AMemberCardAnswersWithBalanceCardKioskStateAndHistoryNewestFirst) {
    t.addMember("m-gold", 1200);
    t.addCard("card-1", "m-gold");
    storage::DecisionRecorder recorder(t.db);
    CHECK_TRUE(recorder.record(storagetest::request({storagetest::earn("m-gold", "card-1", 40)})).hasValue());
    CHECK_TRUE(recorder.record(storagetest::request({storagetest::redeem("m-gold", "card-1", 100)})).hasValue());

    const auto answer = look("card-1");
    LONGS_EQUAL(42, answer.request);
    const auto* member = std::get_if<kiosk::MemberSnapshot>(&answer.result);
    CHECK_TRUE(member != nullptr);
    STRCMP_EQUAL("m-gold", member->member.memberId.c_str());
    STRCMP_EQUAL("Ana", member->member.displayName.c_str());
    LONGS_EQUAL(1200, member->member.confirmedBalance);
    LONGS_EQUAL(-60, member->member.pendingDelta);  // +40 -100, not yet acknowledged
    STRCMP_EQUAL("card-1", member->card.cardId.c_str());
    LONGS_EQUAL(2, member->card.transactionsToday);
    LONGS_EQUAL(100, member->kiosk.unsyncedRedeemedPoints);
    LONGS_EQUAL(2, member->history.size());
    CHECK_TRUE(member->history[0].type == loyalty::EventType::Redeem);
    LONGS_EQUAL(-100, member->history[0].points);
    STRCMP_EQUAL("Reward: free coffee", member->history[0].reason.c_str());
    CHECK_TRUE(member->history[1].type == loyalty::EventType::Earn);
    CHECK_TRUE(member->history[1].on == storagetest::dateOf(0));
}

TEST(AccountLookup, AStaffCardIsStaffWithItsRole) {
    addStaff("s-marco", storage::StaffRole::Manager, "staff-card");
    const auto answer = look("staff-card");
    const auto* staff = std::get_if<kiosk::StaffCard>(&answer.result);
    CHECK_TRUE(staff != nullptr);
    STRCMP_EQUAL("s-marco", staff->staffId.c_str());
    CHECK_TRUE(staff->role == kiosk::StaffRole::Manager);
}

TEST(AccountLookup, ADeactivatedStaffCardIsRefused) {
    addStaff("s-old", storage::StaffRole::Cashier, "old-card", false);
    const auto answer = look("old-card");
    CHECK_TRUE(std::holds_alternative<kiosk::RefusedCard>(answer.result));
}

TEST(AccountLookup, ACardNobodyHasIsUnknown) {
    CHECK_TRUE(std::holds_alternative<kiosk::UnknownCard>(look("card-nobody").result));
}

TEST(AccountLookup, LostAndBlockedCardsAndBlockedMembersAreRefusedWithTheirReason) {
    t.addMember("m-1", 10);
    t.addCard("lost", "m-1");
    t.addCard("blocked", "m-1");
    storage::CardRepository cards(t.db);
    CHECK_TRUE(cards.setStatus("lost", loyalty::CardStatus::Lost, storagetest::kDay0Ms).hasValue());
    CHECK_TRUE(cards.setStatus("blocked", loyalty::CardStatus::Blocked, storagetest::kDay0Ms).hasValue());
    auto lost = look("lost");
    CHECK_TRUE(std::get<kiosk::RefusedCard>(lost.result).reason == kiosk::CardRefusalReason::Lost);
    auto blocked = look("blocked");
    CHECK_TRUE(std::get<kiosk::RefusedCard>(blocked.result).reason == kiosk::CardRefusalReason::Blocked);

    t.addMember("m-2", 10);
    t.addCard("card-2", "m-2");
    storage::MemberRecord member;
    member.id = "m-2";
    member.displayName = "Ana";
    member.enrolledOn = storagetest::dateOf(-100);
    member.confirmedBalance = 10;
    member.status = loyalty::MemberStatus::Blocked;
    CHECK_TRUE(storage::MemberRepository(t.db).upsert(member, storagetest::kDay0Ms).hasValue());
    auto memberBlocked = look("card-2");
    CHECK_TRUE(std::get<kiosk::RefusedCard>(memberBlocked.result).reason == kiosk::CardRefusalReason::MemberBlocked);
}

TEST(AccountLookup, AStorageFailureAnswersLookupFailedNotUnknown) {
    t.addMember("m-1", 10);
    t.addCard("card-1", "m-1");
    CHECK_TRUE(t.db.exec("ALTER TABLE cards RENAME TO cards_elsewhere").hasValue());
    const auto answer = look("card-1");
    LONGS_EQUAL(42, answer.request);
    CHECK_TRUE(std::holds_alternative<kiosk::LookupFailed>(answer.result));
}
