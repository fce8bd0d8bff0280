#include <string>
#include <vector>

#include "storage/AccountReader.h"
#include "storage/DecisionRecorder.h"
#include "storage/LedgerRepository.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using loyalty::EventType;
using storagetest::dateOf;
using storagetest::dayTime;
using storagetest::earn;
using storagetest::redeem;
using storagetest::request;
using storagetest::voidOf;

// What each type of event does to the member cache and the card, read back
// the way the kiosk reads it (AccountReader), with ledger and outbox checked
// to agree after every decision.
TEST_GROUP(DecisionRecorderEffects) {
    storagetest::StorageTestDatabase t{"kiosk-effects"};
    storage::DecisionRecorder recorder{t.db};
    storage::AccountReader reader{t.db};
    void setup() override {
        t.addMember("m-1", 500, -30);  // 500 confirmed points, earned 30 days ago
        t.addCard("card-1", "m-1");
    }

    std::vector<loyalty::RecordedEvent> record(const storage::RecordRequest& req) {
        auto recorded = recorder.record(req);
        if (!recorded) {
            FAIL(recorded.error().describe().c_str());
        }
        checkConsistent();
        return recorded.value();
    }
    storage::Account account(std::int64_t day = 0) {
        auto loaded = reader.loadByCardToken("card-1", dateOf(day));
        CHECK_TRUE(loaded.hasValue() && loaded->has_value());
        return **loaded;
    }
    // Ledger, outbox and cache agree: one outbox row per ledger row, and the
    // pending delta is the sum of the unacknowledged deltas.
    void checkConsistent() {
        LONGS_EQUAL(t.count("ledger"), t.count("outbox"));
        LONGS_EQUAL(t.queryInt("SELECT coalesce(sum(l.points_delta), 0) FROM ledger l JOIN outbox o ON o.seq = l.seq "
                               "WHERE l.member_id = 'm-1' AND o.acknowledged_at IS NULL"),
                    t.queryInt("SELECT pending_delta FROM members WHERE id = 'm-1'"));
        LONGS_EQUAL(t.queryInt("SELECT confirmed_balance + pending_delta FROM members WHERE id = 'm-1'"),
                    t.queryInt("SELECT coalesce(sum(remaining), 0) FROM point_lots WHERE member_id = 'm-1'"));
    }
    std::int64_t earnedOn(std::int64_t day) {
        return t.queryInt("SELECT coalesce(sum(points), 0) FROM earned_points WHERE earned_day = " +
                          std::to_string(loyalty::daysSinceEpoch(dateOf(day))));
    }
};

TEST(DecisionRecorderEffects, AnEarnAddsToPendingTodaysLotEarnedPointsAndTheCardsDay) {
    record(request({earn("m-1", "card-1", 30)}));
    const auto a = account();
    LONGS_EQUAL(500, a.member.confirmedBalance);
    LONGS_EQUAL(30, a.member.pendingDelta);
    LONGS_EQUAL(530, a.member.balance());
    LONGS_EQUAL(2, a.member.lots.size());
    CHECK(a.member.lots[1].earnedOn == dateOf(0));
    LONGS_EQUAL(30, a.member.lots[1].remaining);
    LONGS_EQUAL(30, earnedOn(0));
    LONGS_EQUAL(1, a.card.transactionsToday);
    CHECK(*a.member.lastActivityOn == dateOf(0));
}

TEST(DecisionRecorderEffects, ARedeemSpendsTheOldestLotFirstAndCountsTheReward) {
    record(request({earn("m-1", "card-1", 30)}));
    record(request({redeem("m-1", "card-1", 510)}));
    const auto a = account();
    LONGS_EQUAL(-480, a.member.pendingDelta);
    LONGS_EQUAL(20, a.member.balance());
    LONGS_EQUAL(1, a.member.lots.size());
    CHECK(a.member.lots[0].earnedOn == dateOf(0));
    LONGS_EQUAL(20, a.member.lots[0].remaining);
    LONGS_EQUAL(1, a.member.rewardRedemptions.at("coffee"));
    LONGS_EQUAL(30, earnedOn(0));  // redeeming does not reduce points earned
    LONGS_EQUAL(2, a.card.transactionsToday);
}

TEST(DecisionRecorderEffects, AVoidOfAnEarnRestoresLotsEarnedPointsAndBalance) {
    record(request({earn("m-1", "card-1", 40)}, "card-1", dayTime(-2)));
    const auto before = account();
    const auto earned = record(request({earn("m-1", "card-1", 30)}));
    record(request({voidOf(earned[0])}, "card-1", dayTime(1)));
    const auto after = account(1);
    LONGS_EQUAL(before.member.balance(), after.member.balance());
    LONGS_EQUAL(before.member.lots.size(), after.member.lots.size());
    for (std::size_t i = 0; i < before.member.lots.size(); ++i) {
        CHECK(before.member.lots[i] == after.member.lots[i]);
    }
    LONGS_EQUAL(0, earnedOn(0));  // taken off the day of the earn, not the day of the void
    LONGS_EQUAL(40, earnedOn(-2));
    auto found = storage::LedgerRepository(t.db).find(earned[0].id);
    CHECK_TRUE(found->value().voided);
    // A second void of the same earn is refused and writes nothing.
    const auto rows = t.count("ledger");
    auto again = recorder.record(request({voidOf(earned[0])}, "card-1", dayTime(1)));
    CHECK(again.error().code == storage::ErrorCode::Constraint);
    LONGS_EQUAL(rows, t.count("ledger"));
}

TEST(DecisionRecorderEffects, AVoidOfARedeemGivesPointsBackAndUncountsTheReward) {
    const auto redeemed = record(request({redeem("m-1", "card-1", 100)}));
    record(request({voidOf(redeemed[0])}));
    const auto a = account();
    LONGS_EQUAL(500, a.member.balance());
    LONGS_EQUAL(0, a.member.pendingDelta);
    CHECK(a.member.rewardRedemptions.count("coffee") == 0);
}

TEST(DecisionRecorderEffects, AVoidOfAnotherKiosksOrUnknownEventIsRefused) {
    auto unknown = storagetest::draft(EventType::Void, "m-1", "card-1", 10, "Reversed");
    unknown.voidsEventId = "00000000-0000-4000-8000-000000000000";
    auto refused = recorder.record(request({unknown}));
    CHECK(refused.error().code == storage::ErrorCode::NotFound);
    LONGS_EQUAL(0, t.count("ledger"));
}

TEST(DecisionRecorderEffects, ActivatingAnOfferAndUsingItAtAPurchase) {
    auto activate = storagetest::draft(EventType::OfferActivate, "m-1", "card-1", 0, "Activated: Double points");
    activate.offerId = "o-1";
    record(request({activate}));
    auto a = account();
    LONGS_EQUAL(1, a.member.offerActivations.at("o-1"));
    LONGS_EQUAL(1, a.member.activeOffers.size());
    STRCMP_EQUAL("o-1", a.member.activeOffers[0].c_str());
    LONGS_EQUAL(0, a.card.transactionsToday);  // not a transaction

    auto bonus = earn("m-1", "card-1", 50, 0);
    bonus.offerId = "o-1";
    record(request({earn("m-1", "card-1", 20), bonus}));
    a = account();
    LONGS_EQUAL(1, a.member.offerActivations.at("o-1"));
    LONGS_EQUAL(0, a.member.activeOffers.size());
    LONGS_EQUAL(570, a.member.balance());
    LONGS_EQUAL(1, a.card.transactionsToday);  // one purchase, two events
}

TEST(DecisionRecorderEffects, StampsAddUpAreClaimedAndNeverGoBelowZero) {
    auto stamp = storagetest::draft(EventType::Stamp, "m-1", "card-1", 0, "3 stamps added: Bread");
    stamp.stampCardId = "bread";
    stamp.stamps = 3;
    const auto added = record(request({stamp}));
    auto claim = stamp;
    claim.stamps = -2;
    claim.reason = "Free item earned: Loaf";
    record(request({claim}));
    LONGS_EQUAL(1, account().member.stamps.at("bread"));
    auto tooMany = recorder.record(request({voidOf(added[0])}));  // would leave -2
    CHECK(tooMany.error().code == storage::ErrorCode::Constraint);
    LONGS_EQUAL(1, account().member.stamps.at("bread"));
    LONGS_EQUAL(2, account().card.transactionsToday);
}

TEST(DecisionRecorderEffects, OfflineRedemptionsCountUpAndAnOnlineOneResetsThem) {
    record(request({redeem("m-1", "card-1", 10)}, "card-1", dayTime(0), true));
    record(request({redeem("m-1", "card-1", 10)}, "card-1", dayTime(0), true));
    LONGS_EQUAL(2, account().card.consecutiveOfflineRedemptions);
    record(request({earn("m-1", "card-1", 5)}, "card-1", dayTime(0), true));  // earning changes nothing
    LONGS_EQUAL(2, account().card.consecutiveOfflineRedemptions);
    record(request({redeem("m-1", "card-1", 10)}, "card-1", dayTime(0), false));
    LONGS_EQUAL(0, account().card.consecutiveOfflineRedemptions);
    record(request({redeem("m-1", "card-1", 10)}, "card-1", dayTime(0), true));
    LONGS_EQUAL(1, account().card.consecutiveOfflineRedemptions);
}

TEST(DecisionRecorderEffects, TheDailyCountRestartsOnANewShopDay) {
    record(request({earn("m-1", "card-1", 5)}));
    record(request({earn("m-1", "card-1", 5)}));
    LONGS_EQUAL(2, account().card.transactionsToday);
    LONGS_EQUAL(0, account(1).card.transactionsToday);  // read on the next day: none yet
    // 23:30 UTC is already tomorrow in the shop (UTC+1).
    const auto lateEvening = storagetest::timeAt(storagetest::kDay0Ms + 13 * 3600000 + 1800000);
    record(request({earn("m-1", "card-1", 5)}, "card-1", lateEvening));
    LONGS_EQUAL(1, account(1).card.transactionsToday);
}

TEST(DecisionRecorderEffects, ExpirySpendsTheOldestLotWithoutTouchingTheCard) {
    auto expire = storagetest::draft(EventType::Expire, "m-1", "", -500, "500 pts earned on 11 Feb 2024 expired");
    record(request({earn("m-1", "card-1", 30)}));
    record(request({expire}, ""));
    const auto a = account();
    LONGS_EQUAL(30, a.member.balance());
    LONGS_EQUAL(1, a.member.lots.size());
    CHECK(a.member.lots[0].earnedOn == dateOf(0));
    LONGS_EQUAL(1, a.card.transactionsToday);
}

TEST(DecisionRecorderEffects, AdjustmentsMoveBalanceAndLotsButNotEarnedPoints) {
    auto plus = storagetest::draft(EventType::Adjust, "m-1", "card-1", 25, "Adjustment: goodwill");
    auto minus = storagetest::draft(EventType::Adjust, "m-1", "card-1", -125, "Adjustment: correction");
    record(request({plus}));
    record(request({minus}));
    const auto a = account();
    LONGS_EQUAL(400, a.member.balance());
    LONGS_EQUAL(0, earnedOn(0));
    LONGS_EQUAL(0, a.card.transactionsToday);
}

TEST(DecisionRecorderEffects, ACardBlockAndAReplacementCard) {
    auto block = storagetest::draft(EventType::CardBlock, "m-1", "card-1", 0, "Card reported lost");
    auto link = storagetest::draft(EventType::CardLink, "m-1", "card-2", 0, "Replacement card added");
    auto req = request({block, link});
    req.linkedCardKind = storage::CardKind::Uid;
    record(req);
    CHECK(account().card.status == loyalty::CardStatus::Blocked);
    auto replacement = reader.loadByCardToken("card-2", dateOf(0));
    CHECK_TRUE(replacement->has_value());
    CHECK((*replacement)->card.status == loyalty::CardStatus::Active);
    CHECK((*replacement)->card.assurance == loyalty::Assurance::Low);
    LONGS_EQUAL(500, (*replacement)->member.balance());  // the balance is the member's
}
