#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "app/loyalty/OutcomeText.h"
#include "app/loyalty/ProgramFixture.h"
#include "loyalty/OfflinePolicy.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;
using namespace loyalty::test;

namespace {

constexpr std::int64_t kDay = 86400;

std::string codeOf(const std::optional<Refusal>& refusal) {
    return refusal ? codeText(refusal->code) : std::string("ok");
}

bool mentions(const std::optional<Refusal>& refusal, const std::string& text) {
    return refusal && refusal->message.find(text) != std::string::npos;
}

}  // namespace

// Limits: 1000 pts per redemption, 3 in a row per card, 5000 unsynced points
// per kiosk, 3 days offline.
TEST_GROUP(OfflinePolicy) {
    OfflineLimits limits{1000, 3, 5000, 3 * kDay, false};
    Instant now = at(2025, 3, 10, 12, 0);
    KioskState kiosk;
    CardState card = demoCard();

    void setup() override {
        kiosk.online = false;
        kiosk.lastSyncAt = Instant{now.utcSeconds - 3600, 0};
        kiosk.unsyncedRedeemedPoints = 0;
    }

    std::optional<Refusal> check(Points points) const {
        return OfflinePolicy(limits).check(kiosk, card, points, now);
    }
};

TEST(OfflinePolicy, redemptionWithinEveryLimitIsAllowed) {
    STRCMP_EQUAL("ok", codeOf(check(500)).c_str());
}

TEST(OfflinePolicy, onlineKioskIgnoresEveryOfflineLimit) {
    kiosk.online = true;
    kiosk.lastSyncAt.reset();
    kiosk.unsyncedRedeemedPoints = 1'000'000;
    card.consecutiveOfflineRedemptions = 50;
    STRCMP_EQUAL("ok", codeOf(check(999'999)).c_str());
    kiosk.online = false;
    STRCMP_EQUAL("offline_too_long", codeOf(check(999'999)).c_str());
}

TEST(OfflinePolicy, transactionCapAllowsExactlyTheCap) {
    STRCMP_EQUAL("ok", codeOf(check(1000)).c_str());
}

TEST(OfflinePolicy, transactionCapRefusesOnePointAbove) {
    const auto refusal = check(1001);
    STRCMP_EQUAL("offline_transaction_cap", codeOf(refusal).c_str());
    CHECK_TRUE(mentions(refusal, "Reconnect to head office to redeem more."));
    CHECK_TRUE(mentions(refusal, "one redemption"));
}

TEST(OfflinePolicy, consecutiveLimitAllowsOneBelowTheLimit) {
    card.consecutiveOfflineRedemptions = 2;
    STRCMP_EQUAL("ok", codeOf(check(100)).c_str());
}

TEST(OfflinePolicy, consecutiveLimitRefusesAtTheLimit) {
    card.consecutiveOfflineRedemptions = 3;
    const auto refusal = check(100);
    STRCMP_EQUAL("offline_consecutive_limit", codeOf(refusal).c_str());
    CHECK_TRUE(mentions(refusal, "in a row"));
    CHECK_TRUE(mentions(refusal, "Reconnect to head office"));
}

TEST(OfflinePolicy, kioskCapAllowsReachingTheCapExactly) {
    kiosk.unsyncedRedeemedPoints = 4000;
    STRCMP_EQUAL("ok", codeOf(check(1000)).c_str());
}

TEST(OfflinePolicy, kioskCapRefusesOnePointBeyond) {
    kiosk.unsyncedRedeemedPoints = 4001;
    const auto refusal = check(1000);
    STRCMP_EQUAL("offline_kiosk_cap", codeOf(refusal).c_str());
    CHECK_TRUE(mentions(refusal, "This kiosk has reached its limit"));
    CHECK_TRUE(mentions(refusal, "Reconnect to head office"));
}

TEST(OfflinePolicy, kioskCapDoesNotOverflowNearTheTop) {
    limits.maxRedeemPerTransaction = std::numeric_limits<Points>::max();
    kiosk.unsyncedRedeemedPoints = std::numeric_limits<Points>::max() - 5;
    STRCMP_EQUAL("offline_kiosk_cap", codeOf(check(10)).c_str());
}

TEST(OfflinePolicy, negativeUnsyncedCountGivesNoExtraHeadroom) {
    limits.maxRedeemPerTransaction = 10'000;
    limits.maxUnsyncedRedeemedPoints = 1000;
    kiosk.unsyncedRedeemedPoints = -500;
    STRCMP_EQUAL("offline_kiosk_cap", codeOf(check(1200)).c_str());
    STRCMP_EQUAL("ok", codeOf(check(1000)).c_str());
}

TEST(OfflinePolicy, offlineExactlyTheMaximumIsAllowed) {
    kiosk.lastSyncAt = Instant{now.utcSeconds - 3 * kDay, 0};
    STRCMP_EQUAL("ok", codeOf(check(100)).c_str());
}

TEST(OfflinePolicy, offlineOneSecondTooLongIsRefused) {
    kiosk.lastSyncAt = Instant{now.utcSeconds - 3 * kDay - 1, 0};
    const auto refusal = check(100);
    STRCMP_EQUAL("offline_too_long", codeOf(refusal).c_str());
    CHECK_TRUE(mentions(refusal, "offline for too long"));
    CHECK_TRUE(mentions(refusal, "Reconnect to head office"));
}

TEST(OfflinePolicy, neverSyncedKioskIsOfflineTooLong) {
    kiosk.lastSyncAt.reset();
    STRCMP_EQUAL("offline_too_long", codeOf(check(100)).c_str());
}

TEST(OfflinePolicy, clockEarlierThanLastSyncIsOfflineTooLong) {
    kiosk.lastSyncAt = Instant{now.utcSeconds + 1, 0};
    STRCMP_EQUAL("offline_too_long", codeOf(check(100)).c_str());
}

TEST(OfflinePolicy, absurdClockDifferenceDoesNotOverflow) {
    now = Instant{std::numeric_limits<std::int64_t>::max(), 0};
    kiosk.lastSyncAt = Instant{std::numeric_limits<std::int64_t>::min(), 0};
    STRCMP_EQUAL("offline_too_long", codeOf(check(100)).c_str());
}

TEST(OfflinePolicy, zeroTransactionCapAllowsNoOfflineRedemptionEvenAtZeroPoints) {
    limits.maxRedeemPerTransaction = 0;
    const auto refusal = check(0);
    STRCMP_EQUAL("offline_transaction_cap", codeOf(refusal).c_str());
    CHECK_TRUE(mentions(refusal, "cannot be redeemed while the kiosk is offline"));
}

TEST(OfflinePolicy, zeroConsecutiveLimitAllowsNoOfflineRedemption) {
    limits.maxConsecutiveRedemptionsPerCard = 0;
    STRCMP_EQUAL("offline_consecutive_limit", codeOf(check(0)).c_str());
}

TEST(OfflinePolicy, zeroKioskCapAllowsNoOfflineRedemptionEvenAtZeroPoints) {
    limits.maxUnsyncedRedeemedPoints = 0;
    STRCMP_EQUAL("offline_kiosk_cap", codeOf(check(0)).c_str());
}

TEST(OfflinePolicy, zeroOfflineAgeAllowsNoOfflineRedemptionEvenJustAfterSync) {
    limits.maxOfflineSeconds = 0;
    kiosk.lastSyncAt = now;
    STRCMP_EQUAL("offline_too_long", codeOf(check(0)).c_str());
}

TEST(OfflinePolicy, negativeLimitsCountAsZero) {
    limits.maxRedeemPerTransaction = -1;
    STRCMP_EQUAL("offline_transaction_cap", codeOf(check(0)).c_str());
}

TEST(OfflinePolicy, defaultLimitsAllowNoOfflineRedemption) {
    limits = OfflineLimits{};
    CHECK_TRUE(check(0).has_value());
    kiosk.online = true;
    CHECK_FALSE(check(0).has_value());
}

TEST(OfflinePolicy, negativePointsAreRefusedAsInvalid) {
    STRCMP_EQUAL("invalid_amount", codeOf(check(-1)).c_str());
}

TEST(OfflinePolicy, offlineAgeIsCheckedBeforeTheCardLimit) {
    kiosk.lastSyncAt.reset();
    card.consecutiveOfflineRedemptions = 3;
    STRCMP_EQUAL("offline_too_long", codeOf(check(100)).c_str());
}

TEST(OfflinePolicy, cardLimitIsCheckedBeforeTheTransactionCap) {
    card.consecutiveOfflineRedemptions = 3;
    STRCMP_EQUAL("offline_consecutive_limit", codeOf(check(5000)).c_str());
}

TEST(OfflinePolicy, transactionCapIsCheckedBeforeTheKioskCap) {
    kiosk.unsyncedRedeemedPoints = 4500;
    STRCMP_EQUAL("offline_transaction_cap", codeOf(check(1001)).c_str());
}

TEST(OfflinePolicy, messagesDoNotRevealTheLimitValues) {
    const auto cap = check(1001);
    CHECK_TRUE(cap.has_value());
    CHECK_FALSE(mentions(cap, "1000"));
    kiosk.unsyncedRedeemedPoints = 4900;
    const auto kioskCap = check(200);
    STRCMP_EQUAL("offline_kiosk_cap", codeOf(kioskCap).c_str());
    CHECK_FALSE(mentions(kioskCap, "5000"));
    CHECK_FALSE(mentions(kioskCap, "5,000"));
}
