#include <string>

#include "storage/MemberRepository.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using storagetest::dateOf;

TEST_GROUP(MemberRepository) {
    storagetest::StorageTestDatabase t{"kiosk-members"};
    storage::MemberRepository members{t.db};

    storage::MemberRecord ana() {
        storage::MemberRecord m;
        m.id = "m-1";
        m.displayName = "Ana";
        m.status = loyalty::MemberStatus::Active;
        m.birthdayMonth = 7u;
        m.consentMarketing = true;
        m.homeStore = "store-3";
        m.enrolledOn = loyalty::Date{2023, 5, 1};
        m.lastActivityOn = loyalty::Date{2024, 3, 1};
        m.confirmedBalance = 1240;
        m.segments = {"students", "coffee"};
        return m;
    }
};

TEST(MemberRepository, AnUpsertedMemberReadsBackWholeWithSortedSegments) {
    CHECK_TRUE(members.upsert(ana(), 5).hasValue());
    auto got = members.get("m-1");
    CHECK_TRUE(got.hasValue() && got->has_value());
    const storage::MemberRecord& m = **got;
    STRCMP_EQUAL("Ana", m.displayName.c_str());
    CHECK(m.status == loyalty::MemberStatus::Active);
    LONGS_EQUAL(7, *m.birthdayMonth);
    CHECK_TRUE(m.consentMarketing);
    STRCMP_EQUAL("store-3", m.homeStore->c_str());
    CHECK(m.enrolledOn == (loyalty::Date{2023, 5, 1}));
    CHECK(*m.lastActivityOn == (loyalty::Date{2024, 3, 1}));
    LONGS_EQUAL(1240, m.confirmedBalance);
    LONGS_EQUAL(0, m.pendingDelta);
    LONGS_EQUAL(2, m.segments.size());
    STRCMP_EQUAL("coffee", m.segments[0].c_str());
    STRCMP_EQUAL("students", m.segments[1].c_str());
    CHECK_FALSE(members.get("m-2")->has_value());
}

TEST(MemberRepository, AnUpsertReplacesProfileBalanceAndSegmentsButKeepsTheLocalCache) {
    CHECK_TRUE(members.upsert(ana(), 5).hasValue());
    CHECK_TRUE(t.db.exec("UPDATE members SET pending_delta = -40 WHERE id = 'm-1'").hasValue());
    CHECK_TRUE(members.replaceLots("m-1", {{dateOf(-3), 1200}}).hasValue());
    auto changed = ana();
    changed.displayName = "Anna";
    changed.status = loyalty::MemberStatus::Blocked;
    changed.birthdayMonth.reset();
    changed.confirmedBalance = 2000;
    changed.segments = {"gold"};
    changed.lastActivityOn = loyalty::Date{2024, 1, 1};  // older than what is stored
    CHECK_TRUE(members.upsert(changed, 6).hasValue());
    const auto m = members.get("m-1")->value();
    STRCMP_EQUAL("Anna", m.displayName.c_str());
    CHECK(m.status == loyalty::MemberStatus::Blocked);
    CHECK_FALSE(m.birthdayMonth.has_value());
    LONGS_EQUAL(2000, m.confirmedBalance);
    LONGS_EQUAL(-40, m.pendingDelta);
    CHECK(*m.lastActivityOn == (loyalty::Date{2024, 3, 1}));
    LONGS_EQUAL(1, m.segments.size());
    STRCMP_EQUAL("gold", m.segments[0].c_str());
    LONGS_EQUAL(1, members.lots("m-1")->size());
}

TEST(MemberRepository, InsertRefusesAnExistingMemberAndBadRecords) {
    CHECK_TRUE(members.insert(ana(), 5).hasValue());
    auto again = members.insert(ana(), 6);
    CHECK_FALSE(again.hasValue());
    CHECK(again.error().code == storage::ErrorCode::Constraint);
    auto nameless = ana();
    nameless.id = "m-2";
    nameless.displayName.clear();
    CHECK(members.upsert(nameless, 1).error().code == storage::ErrorCode::InvalidArgument);
    auto badMonth = ana();
    badMonth.birthdayMonth = 13u;
    CHECK(members.upsert(badMonth, 1).error().code == storage::ErrorCode::InvalidArgument);
}

TEST(MemberRepository, LotsAreKeptOldestFirstMergedByDayWithoutEmptyOnes) {
    CHECK_TRUE(members.upsert(ana(), 5).hasValue());
    CHECK_TRUE(members.replaceLots("m-1", {{dateOf(-1), 10}, {dateOf(-9), 5}, {dateOf(-1), 7}, {dateOf(-4), 0}})
                   .hasValue());
    const auto lots = members.lots("m-1").value();
    LONGS_EQUAL(2, lots.size());
    CHECK(lots[0].earnedOn == dateOf(-9));
    LONGS_EQUAL(5, lots[0].remaining);
    CHECK(lots[1].earnedOn == dateOf(-1));
    LONGS_EQUAL(17, lots[1].remaining);
}

TEST(MemberRepository, LoadStateAssemblesWhatTheRulesNeed) {
    CHECK_TRUE(members.upsert(ana(), 5).hasValue());
    CHECK_TRUE(members.replaceLots("m-1", {{dateOf(-2), 1240}}).hasValue());
    CHECK_TRUE(t.db.exec("INSERT INTO earned_points VALUES ('m-1', 19790, 300), ('m-1', 19700, -20);"
                         "INSERT INTO member_counters VALUES ('m-1', 'reward_redeemed', 'coffee', 2),"
                         " ('m-1', 'offer_activated', 'o-1', 1), ('m-1', 'offer_active', 'o-1', 1),"
                         " ('m-1', 'stamps', 'bread', 4);")
                   .hasValue());
    auto state = members.loadState("m-1");
    CHECK_TRUE(state.hasValue() && state->has_value());
    const loyalty::MemberState& m = **state;
    STRCMP_EQUAL("m-1", m.memberId.c_str());
    LONGS_EQUAL(1240, m.balance());
    LONGS_EQUAL(1, m.lots.size());
    LONGS_EQUAL(2, m.earned.size());
    LONGS_EQUAL(-20, m.earned[0].points);
    LONGS_EQUAL(2, m.rewardRedemptions.at("coffee"));
    LONGS_EQUAL(1, m.offerActivations.at("o-1"));
    LONGS_EQUAL(1, m.activeOffers.size());
    LONGS_EQUAL(4, m.stamps.at("bread"));
    LONGS_EQUAL(2, m.segments.size());
    CHECK_FALSE(members.loadState("nobody")->has_value());
}

TEST(MemberRepository, AnUpsertInsideACallersTransactionIsUndoneAlone) {
    CHECK_TRUE(t.db.exec("BEGIN IMMEDIATE").hasValue());
    CHECK_TRUE(members.upsert(ana(), 5).hasValue());
    auto bad = ana();
    bad.id = "m-2";
    bad.segments = {"x"};
    CHECK_TRUE(t.db.exec("CREATE TEMP TRIGGER no_x BEFORE INSERT ON member_segments WHEN NEW.segment = 'x' "
                         "BEGIN SELECT RAISE(ABORT, 'injected'); END")
                   .hasValue());
    CHECK_FALSE(members.upsert(bad, 5).hasValue());
    CHECK_TRUE(t.db.exec("COMMIT").hasValue());
    CHECK_TRUE(members.get("m-1")->has_value());
    CHECK_FALSE(members.get("m-2")->has_value());
}
