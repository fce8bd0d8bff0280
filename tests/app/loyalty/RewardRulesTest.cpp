#include <limits>
#include <string>

#include "app/loyalty/OutcomeText.h"
#include "app/loyalty/ProgramFixture.h"
#include "app/loyalty/RewardTestSupport.h"
#include "loyalty/RewardRules.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;
using namespace loyalty::test;

// Demo programme: free-coffee 150, voucher-5 500, gold-tasting 1000 (gold
// only, 1 per member, 20 in total, 2024-01-01..2030-12-31).
TEST_GROUP(RewardRules) {
    Program program = demoProgram();
    MemberState member = demoMember();
    CardState card = demoCard();
    KioskState kiosk;
    Instant now = at(2025, 3, 10, 12, 0);

    void setup() override {
        member.confirmedBalance = 100;
        member.pendingDelta = 50;  // balance() = 150
        kiosk.online = true;
        kiosk.lastSyncAt = Instant{now.utcSeconds - 600, 0};
    }

    void makeGold() { member.earned.push_back(EarnedEntry{Date{2025, 3, 1}, 2000}); }

    Expected<Decision, Refusal> redeem(const std::string& rewardId, bool managerOverride = false) {
        return RewardRules(program).redeem(member, card, kiosk, rewardId, "staff-7", managerOverride,
                                           now);
    }
    std::string redeemCode(const std::string& rewardId, bool managerOverride = false) {
        return outcome(redeem(rewardId, managerOverride));
    }
};

// --- redeem: the decision --------------------------------------------------

TEST(RewardRules, exactlyEnoughPointsRedeemsWithOneRedeemEvent) {
    const auto result = redeem("free-coffee");
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(1, result->events.size());
    const EventDraft& event = result->events.front();
    CHECK(event.type == EventType::Redeem);
    LONGS_EQUAL(-150, event.pointsDelta);
    STRCMP_EQUAL("free-coffee", event.rewardId.c_str());
    STRCMP_EQUAL("staff-7", event.staffId.c_str());
    STRCMP_EQUAL("member-1", event.memberId.c_str());
    STRCMP_EQUAL("card-1", event.cardId.c_str());
    STRCMP_EQUAL("Redeemed: A free coffee", event.reason.c_str());
    LONGS_EQUAL(0, event.purchaseAmount);
}

TEST(RewardRules, onePointShortIsRefusedWithTheShortfall) {
    member.pendingDelta = 49;
    const auto result = redeem("free-coffee");
    STRCMP_EQUAL("insufficient_points", outcome(result).c_str());
    STRCMP_EQUAL("You need 1 more point for this reward.", result.error().message.c_str());
}

TEST(RewardRules, zeroBalanceIsRefused) {
    member.confirmedBalance = 0;
    member.pendingDelta = 0;
    const auto result = redeem("free-coffee");
    STRCMP_EQUAL("insufficient_points", outcome(result).c_str());
    STRCMP_EQUAL("You need 150 more points for this reward.", result.error().message.c_str());
}

TEST(RewardRules, pendingRedemptionsCountAgainstTheBalance) {
    member.confirmedBalance = 200;
    member.pendingDelta = -100;
    STRCMP_EQUAL("insufficient_points", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, balanceThatDoesNotFitIsRefusedAsOverflow) {
    member.confirmedBalance = std::numeric_limits<Points>::max();
    member.pendingDelta = 1;
    STRCMP_EQUAL("overflow", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, freeRewardRedeemsOnZeroBalance) {
    program.rewards.push_back(makeReward("sticker", 0));
    member.confirmedBalance = 0;
    member.pendingDelta = 0;
    const auto result = redeem("sticker");
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(0, result->events.front().pointsDelta);
}

TEST(RewardRules, negativeCostRewardIsRefused) {
    program.rewards.push_back(makeReward("broken", -10));
    STRCMP_EQUAL("invalid_amount", redeemCode("broken").c_str());
}

// --- redeem: member, card, reward ------------------------------------------

TEST(RewardRules, blockedMemberIsRefusedFirst) {
    member.status = MemberStatus::Blocked;
    card.status = CardStatus::Lost;
    STRCMP_EQUAL("member_blocked", redeemCode("no-such-reward").c_str());
}

TEST(RewardRules, lostCardIsRefused) {
    card.status = CardStatus::Lost;
    STRCMP_EQUAL("card_not_active", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, blockedCardIsRefusedBeforeAnUnknownReward) {
    card.status = CardStatus::Blocked;
    STRCMP_EQUAL("card_not_active", redeemCode("no-such-reward").c_str());
}

TEST(RewardRules, unknownRewardIsRefused) {
    STRCMP_EQUAL("unknown_reward", redeemCode("no-such-reward").c_str());
}

// --- redeem: validity window (shop-local dates, inclusive) -----------------

TEST(RewardRules, firstDayOfValidityRedeems) {
    findIn(program, "free-coffee")->validFrom = Date{2025, 3, 10};
    STRCMP_EQUAL("ok", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, dayBeforeValidityIsNotYetValid) {
    findIn(program, "free-coffee")->validFrom = Date{2025, 3, 11};
    const auto result = redeem("free-coffee");
    STRCMP_EQUAL("reward_not_yet_valid", outcome(result).c_str());
    STRCMP_EQUAL("This reward is available from 11 March 2025.", result.error().message.c_str());
}

TEST(RewardRules, lastDayOfValidityRedeems) {
    findIn(program, "free-coffee")->validUntil = Date{2025, 3, 10};
    now = at(2025, 3, 10, 23, 59);
    STRCMP_EQUAL("ok", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, dayAfterValidityIsExpired) {
    findIn(program, "free-coffee")->validUntil = Date{2025, 3, 9};
    STRCMP_EQUAL("reward_expired", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, validityUsesTheShopLocalDate) {
    // 23:30 UTC on 9 March is 00:30 on 10 March in a shop at UTC+1.
    findIn(program, "free-coffee")->validFrom = Date{2025, 3, 10};
    now = at(2025, 3, 10, 0, 30, 3600);
    STRCMP_EQUAL("ok", redeemCode("free-coffee").c_str());
    findIn(program, "free-coffee")->validFrom = Date{2025, 3, 11};
    STRCMP_EQUAL("reward_not_yet_valid", redeemCode("free-coffee").c_str());
}

// --- redeem: tier gate -----------------------------------------------------

TEST(RewardRules, tierGateOpensExactlyAtTheThreshold) {
    member.confirmedBalance = 1000;
    member.pendingDelta = 0;
    makeGold();
    STRCMP_EQUAL("ok", redeemCode("gold-tasting").c_str());
}

TEST(RewardRules, tierGateRefusesOnePointBelowTheThreshold) {
    member.confirmedBalance = 1000;
    member.pendingDelta = 0;
    member.earned.push_back(EarnedEntry{Date{2025, 3, 1}, 1999});
    const auto result = redeem("gold-tasting");
    STRCMP_EQUAL("tier_too_low", outcome(result).c_str());
    STRCMP_EQUAL("This reward is for Gold members.", result.error().message.c_str());
}

TEST(RewardRules, tierGateUsesPointsEarnedNotTheBalance) {
    member.confirmedBalance = 5000;
    member.pendingDelta = 0;
    STRCMP_EQUAL("tier_too_low", redeemCode("gold-tasting").c_str());
}

TEST(RewardRules, gateNamingAnUnknownTierStaysClosed) {
    findIn(program, "free-coffee")->minimumTier = "platinum";
    makeGold();
    STRCMP_EQUAL("tier_too_low", redeemCode("free-coffee").c_str());
}

// --- redeem: limits ----------------------------------------------------------

TEST(RewardRules, perMemberLimitAllowsTheLastOne) {
    findIn(program, "free-coffee")->perMemberLimit = 3;
    member.rewardRedemptions["free-coffee"] = 2;
    STRCMP_EQUAL("ok", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, perMemberLimitRefusesOnceReached) {
    findIn(program, "free-coffee")->perMemberLimit = 3;
    member.rewardRedemptions["free-coffee"] = 3;
    STRCMP_EQUAL("member_limit_reached", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, zeroPerMemberLimitIsUnlimited) {
    member.rewardRedemptions["free-coffee"] = 1000;
    STRCMP_EQUAL("ok", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, totalLimitAllowsTheLastOne) {
    findIn(program, "free-coffee")->totalLimit = 20;
    kiosk.rewardTotals["free-coffee"] = 19;
    STRCMP_EQUAL("ok", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, totalLimitRefusesOnceReached) {
    findIn(program, "free-coffee")->totalLimit = 20;
    kiosk.rewardTotals["free-coffee"] = 20;
    STRCMP_EQUAL("total_limit_reached", redeemCode("free-coffee").c_str());
}

// --- redeem: low-assurance cards ---------------------------------------------

TEST(RewardRules, uidOnlyCardOnlineIsRefusedWhenConfigurationForbids) {
    card.assurance = Assurance::Low;
    program.offline.lowAssuranceMayRedeem = false;
    STRCMP_EQUAL("low_assurance_card", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, uidOnlyCardOnlineRedeemsWhenConfigurationAllows) {
    card.assurance = Assurance::Low;
    program.offline.lowAssuranceMayRedeem = true;
    STRCMP_EQUAL("ok", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, uidOnlyCardOfflineIsRefusedWhenConfigurationForbids) {
    card.assurance = Assurance::Low;
    kiosk.online = false;
    program.offline.lowAssuranceMayRedeem = false;
    STRCMP_EQUAL("low_assurance_card", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, uidOnlyCardOfflineRedeemsWithinOfflineLimitsWhenAllowed) {
    card.assurance = Assurance::Low;
    kiosk.online = false;
    program.offline.lowAssuranceMayRedeem = true;
    STRCMP_EQUAL("ok", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, signedAndSecureCardsRedeemWhateverTheFlag) {
    program.offline.lowAssuranceMayRedeem = false;
    card.assurance = Assurance::Signed;
    STRCMP_EQUAL("ok", redeemCode("free-coffee").c_str());
    card.assurance = Assurance::SecureMessaging;
    STRCMP_EQUAL("ok", redeemCode("free-coffee").c_str());
}

// --- redeem: velocity ----------------------------------------------------------

TEST(RewardRules, velocityAllowsOneBelowTheLimit) {
    card.transactionsToday = 9;
    STRCMP_EQUAL("ok", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, velocityHoldsAtTheLimitWithoutOverride) {
    card.transactionsToday = 10;
    STRCMP_EQUAL("velocity_held", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, managerOverrideReleasesAVelocityHold) {
    card.transactionsToday = 10;
    STRCMP_EQUAL("ok", redeemCode("free-coffee", true).c_str());
}

TEST(RewardRules, managerOverrideDoesNotReleaseOfflineLimits) {
    card.transactionsToday = 10;
    kiosk.online = false;
    card.consecutiveOfflineRedemptions = 3;
    STRCMP_EQUAL("offline_consecutive_limit", redeemCode("free-coffee", true).c_str());
}

// --- redeem: offline limits ------------------------------------------------------

TEST(RewardRules, offlineRedemptionWithinLimitsRedeems) {
    kiosk.online = false;
    kiosk.unsyncedRedeemedPoints = 4850;
    STRCMP_EQUAL("ok", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, offlineRedemptionBeyondTheKioskCapIsRefused) {
    kiosk.online = false;
    kiosk.unsyncedRedeemedPoints = 4851;
    STRCMP_EQUAL("offline_kiosk_cap", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, offlineRedemptionAboveTheTransactionCapIsRefused) {
    program.rewards.push_back(makeReward("big", 1001));
    member.confirmedBalance = 2000;
    kiosk.online = false;
    STRCMP_EQUAL("offline_transaction_cap", redeemCode("big").c_str());
    kiosk.online = true;
    STRCMP_EQUAL("ok", redeemCode("big").c_str());
}

TEST(RewardRules, onlineRedemptionIgnoresOfflineLimits) {
    kiosk.online = true;
    kiosk.lastSyncAt.reset();
    kiosk.unsyncedRedeemedPoints = 1'000'000;
    card.consecutiveOfflineRedemptions = 99;
    program.offline = OfflineLimits{};
    STRCMP_EQUAL("ok", redeemCode("free-coffee").c_str());
}

// --- redeem: check order -----------------------------------------------------------

TEST(RewardRules, validityIsCheckedBeforeTheTierGate) {
    now = at(2031, 1, 1);
    STRCMP_EQUAL("reward_expired", redeemCode("gold-tasting").c_str());
}

TEST(RewardRules, tierGateIsCheckedBeforeTheMemberLimit) {
    member.rewardRedemptions["gold-tasting"] = 1;
    STRCMP_EQUAL("tier_too_low", redeemCode("gold-tasting").c_str());
}

TEST(RewardRules, memberLimitIsCheckedBeforeTheTotalLimit) {
    makeGold();
    member.rewardRedemptions["gold-tasting"] = 1;
    kiosk.rewardTotals["gold-tasting"] = 20;
    STRCMP_EQUAL("member_limit_reached", redeemCode("gold-tasting").c_str());
}

TEST(RewardRules, totalLimitIsCheckedBeforeTheBalance) {
    makeGold();
    kiosk.rewardTotals["gold-tasting"] = 20;
    STRCMP_EQUAL("total_limit_reached", redeemCode("gold-tasting").c_str());
}

TEST(RewardRules, balanceIsCheckedBeforeTheCardAssurance) {
    card.assurance = Assurance::Low;
    STRCMP_EQUAL("insufficient_points", redeemCode("voucher-5").c_str());
}

TEST(RewardRules, cardAssuranceIsCheckedBeforeVelocity) {
    card.assurance = Assurance::Low;
    card.transactionsToday = 10;
    STRCMP_EQUAL("low_assurance_card", redeemCode("free-coffee").c_str());
}

TEST(RewardRules, velocityIsCheckedBeforeOfflineLimits) {
    card.transactionsToday = 10;
    kiosk.online = false;
    kiosk.lastSyncAt.reset();
    STRCMP_EQUAL("velocity_held", redeemCode("free-coffee").c_str());
}
