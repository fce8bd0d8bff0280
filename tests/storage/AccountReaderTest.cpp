#include <string>

#include "storage/AccountReader.h"
#include "storage/DecisionRecorder.h"
#include "storage/Outbox.h"
#include "storage/RewardTotals.h"
#include "storage/SyncStateRepository.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using storagetest::dateOf;
using storagetest::earn;
using storagetest::redeem;
using storagetest::request;

TEST_GROUP(AccountReader) {
    storagetest::StorageTestDatabase t{"kiosk-accounts"};
    storage::AccountReader reader{t.db};
    void setup() override {
        t.addMember("m-1", 500);
        t.addCard("card-1", "m-1");
    }
};

TEST(AccountReader, ATapGivesTheMemberTheCardAndTheBalanceInTwoParts) {
    storage::DecisionRecorder recorder(t.db);
    CHECK_TRUE(recorder.record(request({earn("m-1", "card-1", 40)})).hasValue());
    auto account = reader.loadByCardToken("card-1", dateOf(0));
    CHECK_TRUE(account.hasValue() && account->has_value());
    const storage::Account& a = **account;
    STRCMP_EQUAL("m-1", a.memberId.c_str());
    STRCMP_EQUAL("m-1", a.member.memberId.c_str());
    STRCMP_EQUAL("Ana", a.member.displayName.c_str());
    LONGS_EQUAL(500, a.member.confirmedBalance);
    LONGS_EQUAL(40, a.member.pendingDelta);
    LONGS_EQUAL(540, a.member.balance());
    STRCMP_EQUAL("card-1", a.card.cardId.c_str());
    CHECK(a.card.assurance == loyalty::Assurance::SecureMessaging);
    LONGS_EQUAL(1, a.card.transactionsToday);
    LONGS_EQUAL(0, reader.loadByCardToken("card-1", dateOf(1))->value().card.transactionsToday);
}

TEST(AccountReader, AnUnknownCardIsNoAccountNotAnError) {
    auto account = reader.loadByCardToken("nope", dateOf(0));
    CHECK_TRUE(account.hasValue());
    CHECK_FALSE(account->has_value());
}

TEST(AccountReader, AMemberWithoutACardInHand) {
    auto member = reader.loadMember("m-1");
    CHECK_TRUE(member->has_value());
    LONGS_EQUAL(500, (*member)->balance());
    CHECK_FALSE(reader.loadMember("m-9")->has_value());
}

TEST(AccountReader, TheLookupUsesPrimaryKeysOnlyNoScan) {
    // Every statement of the tap path, as SQLite plans it: no "SCAN" step.
    const char* statements[] = {
        "SELECT token, member_id, kind, status, last_sun_counter, consecutive_offline_redemptions, "
        "transactions_day, transactions_count FROM cards WHERE token = 'x'",
        "SELECT id FROM members WHERE id = 'x'",
        "SELECT segment FROM member_segments WHERE member_id = 'x' ORDER BY segment",
        "SELECT earned_day, remaining FROM point_lots WHERE member_id = 'x' AND remaining > 0 ORDER BY earned_day",
        "SELECT earned_day, points FROM earned_points WHERE member_id = 'x' ORDER BY earned_day",
        "SELECT kind, item_id, count FROM member_counters WHERE member_id = 'x'",
    };
    for (const char* sql : statements) {
        auto plan = t.db.prepare(std::string("EXPLAIN QUERY PLAN ") + sql);
        CHECK_TRUE(plan.hasValue());
        while (plan->step().value()) {
            const std::string detail = plan->columnText(3);
            CHECK_FALSE_TEXT(detail.find("SCAN") != std::string::npos, (std::string(sql) + ": " + detail).c_str());
        }
    }
}

TEST(AccountReader, TheKioskStateForTheOfflineLimits) {
    storage::DecisionRecorder recorder(t.db);
    auto state = reader.loadKioskState(false, storagetest::dayTime(0).at).value();
    CHECK_FALSE(state.online);
    CHECK_FALSE(state.lastSyncAt.has_value());
    LONGS_EQUAL(0, state.unsyncedRedeemedPoints);
    LONGS_EQUAL(0, state.rewardTotals.size());

    const bool offline = true;
    CHECK_TRUE(recorder.record(request({redeem("m-1", "card-1", 120)}, "card-1", storagetest::dayTime(0), offline))
                   .hasValue());
    CHECK_TRUE(storage::SyncStateRepository(t.db).setLastSyncAtMs(storagetest::kDay0Ms - 5000).hasValue());
    CHECK_TRUE(storage::RewardTotals(t.db).set("coffee", 90).hasValue());
    state = reader.loadKioskState(true, storagetest::dayTime(0).at).value();
    CHECK_TRUE(state.online);
    LONGS_EQUAL(120, state.unsyncedRedeemedPoints);
    CHECK(*state.lastSyncAt == (loyalty::Instant{storagetest::kDay0Ms / 1000 - 5, storagetest::kOffset}));
    LONGS_EQUAL(90, state.rewardTotals.at("coffee"));
}
