#include <limits>
#include <string>
#include <vector>

#include "app/loyalty/OutcomeText.h"
#include "app/loyalty/ProgramFixture.h"
#include "app/loyalty/RewardTestSupport.h"
#include "loyalty/RewardRules.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;
using namespace loyalty::test;

// The catalogue and "how far is the next reward" of RewardRules (the redeem
// checks are in RewardRulesTest.cpp). Demo programme: free-coffee 150,
// voucher-5 500, gold-tasting 1000 (gold only).
TEST_GROUP(RewardRulesCatalogue) {
    Program program = demoProgram();
    MemberState member = demoMember();
    KioskState kiosk;
    Instant now = at(2025, 3, 10, 12, 0);

    void setup() override {
        member.confirmedBalance = 100;
        member.pendingDelta = 50;  // balance() = 150
    }

    void makeGold() { member.earned.push_back(EarnedEntry{Date{2025, 3, 1}, 2000}); }
};

// --- catalogue ----------------------------------------------------------------------

TEST(RewardRulesCatalogue, catalogueListsAvailableThenNearestThenLocked) {
    member.confirmedBalance = 200;
    member.pendingDelta = 0;
    const auto options = RewardRules(program).catalogue(member, kiosk, now);
    STRCMP_EQUAL("free-coffee,voucher-5,gold-tasting", rewardIds(options).c_str());
    CHECK(options[0].status == RewardOption::Available);
    LONGS_EQUAL(0, options[0].pointsShort);
    CHECK(options[1].status == RewardOption::NeedMorePoints);
    LONGS_EQUAL(300, options[1].pointsShort);
    CHECK(options[2].status == RewardOption::TierLocked);
    LONGS_EQUAL(800, options[2].pointsShort);
}

TEST(RewardRulesCatalogue, catalogueOrdersEveryStatusGroup) {
    makeGold();
    member.confirmedBalance = 600;
    member.pendingDelta = 0;
    program.rewards.push_back(makeReward("expired", 10));
    program.rewards.back().validUntil = Date{2025, 3, 9};
    program.rewards.push_back(makeReward("sold-out", 20));
    program.rewards.back().totalLimit = 5;
    kiosk.rewardTotals["sold-out"] = 5;
    program.rewards.push_back(makeReward("used-up", 30));
    program.rewards.back().perMemberLimit = 1;
    member.rewardRedemptions["used-up"] = 1;
    program.rewards.push_back(makeReward("platinum", 40));
    program.rewards.back().minimumTier = "platinum";
    program.rewards.push_back(makeReward("far", 5000));
    program.rewards.push_back(makeReward("near", 700));
    program.rewards.push_back(makeReward("cheap", 100));

    const auto options = RewardRules(program).catalogue(member, kiosk, now);
    STRCMP_EQUAL("cheap,free-coffee,voucher-5,near,gold-tasting,far,platinum,used-up,sold-out,expired",
                 rewardIds(options).c_str());
    CHECK(optionFor(options, "voucher-5")->status == RewardOption::Available);
    CHECK(optionFor(options, "near")->status == RewardOption::NeedMorePoints);
    LONGS_EQUAL(100, optionFor(options, "near")->pointsShort);
    CHECK(optionFor(options, "gold-tasting")->status == RewardOption::NeedMorePoints);
    CHECK(optionFor(options, "platinum")->status == RewardOption::TierLocked);
    CHECK(optionFor(options, "used-up")->status == RewardOption::MemberLimitReached);
    CHECK(optionFor(options, "sold-out")->status == RewardOption::SoldOut);
    CHECK(optionFor(options, "expired")->status == RewardOption::NotValidNow);
}

TEST(RewardRulesCatalogue, catalogueKeepsProgrammeOrderForEqualCosts) {
    program.rewards = {makeReward("b", 100), makeReward("a", 100), makeReward("c", 50)};
    const auto options = RewardRules(program).catalogue(member, kiosk, now);
    STRCMP_EQUAL("c,b,a", rewardIds(options).c_str());
}

TEST(RewardRulesCatalogue, catalogueMarksRewardsOutsideTheirWindow) {
    findIn(program, "free-coffee")->validFrom = Date{2025, 3, 11};
    findIn(program, "voucher-5")->validUntil = Date{2025, 3, 10};
    const auto options = RewardRules(program).catalogue(member, kiosk, now);
    CHECK(optionFor(options, "free-coffee")->status == RewardOption::NotValidNow);
    CHECK(optionFor(options, "voucher-5")->status == RewardOption::NeedMorePoints);
}

TEST(RewardRulesCatalogue, catalogueLeavesOutNegativeCostRewards) {
    program.rewards.push_back(makeReward("broken", -1));
    const auto options = RewardRules(program).catalogue(member, kiosk, now);
    LONGS_EQUAL(3, options.size());
    POINTERS_EQUAL(nullptr, optionFor(options, "broken"));
}

TEST(RewardRulesCatalogue, catalogueSaturatesAnOverdrawnShortfall) {
    member.confirmedBalance = std::numeric_limits<Points>::min();
    member.pendingDelta = -1;
    const auto options = RewardRules(program).catalogue(member, kiosk, now);
    LONGS_EQUAL(3, options.size());
    CHECK(options[0].status == RewardOption::NeedMorePoints);
    CHECK(options[0].pointsShort == std::numeric_limits<Points>::max());
}

// --- nextReward ---------------------------------------------------------------------

TEST(RewardRulesCatalogue, nextRewardIsTheCheapestNotYetAffordable) {
    member.confirmedBalance = 200;
    member.pendingDelta = 0;
    const auto next = RewardRules(program).nextReward(member, kiosk, now);
    CHECK_TRUE(next.has_value());
    STRCMP_EQUAL("voucher-5", next->reward->id.c_str());
    LONGS_EQUAL(300, next->pointsShort);
}

TEST(RewardRulesCatalogue, nextRewardSkipsRewardsThatPointsAloneCannotUnlock) {
    member.confirmedBalance = 200;
    member.pendingDelta = 0;
    program.rewards.push_back(makeReward("gold-cheap", 300));
    program.rewards.back().minimumTier = "gold";
    program.rewards.push_back(makeReward("sold-out", 250));
    program.rewards.back().totalLimit = 1;
    kiosk.rewardTotals["sold-out"] = 1;
    const auto next = RewardRules(program).nextReward(member, kiosk, now);
    CHECK_TRUE(next.has_value());
    STRCMP_EQUAL("voucher-5", next->reward->id.c_str());
}

TEST(RewardRulesCatalogue, nextRewardWithZeroBalanceIsTheCheapestReward) {
    member.confirmedBalance = 0;
    member.pendingDelta = 0;
    const auto next = RewardRules(program).nextReward(member, kiosk, now);
    CHECK_TRUE(next.has_value());
    STRCMP_EQUAL("free-coffee", next->reward->id.c_str());
    LONGS_EQUAL(150, next->pointsShort);
}

TEST(RewardRulesCatalogue, nextRewardIsNoneWhenEverythingReachableIsAffordable) {
    member.confirmedBalance = 500;
    member.pendingDelta = 0;
    CHECK_FALSE(RewardRules(program).nextReward(member, kiosk, now).has_value());
}
