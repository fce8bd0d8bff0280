#include <cstdint>
#include <limits>
#include <string>

#include "app/loyalty/ProgramFixture.h"
#include "loyalty/TierCalculator.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;
using loyalty::test::at;

namespace {
constexpr Points kMax = std::numeric_limits<Points>::max();
constexpr Points kMin = std::numeric_limits<Points>::min();
}  // namespace

TEST_GROUP(TierCalculator) {
    Program program = test::demoProgram();
    MemberState member = test::demoMember();
    // Today, shop-local: Monday 10 March 2025. The 12-month window is
    // 11 March 2024 .. 10 March 2025 inclusive.
    Instant now = at(2025, 3, 10, 12, 0, 3600);

    TierStatus status() {
        return TierCalculator(program).status(member, now);
    }
    void earnedOn(Date day, Points points) {
        member.earned.push_back(EarnedEntry{day, points});
    }
};

TEST(TierCalculator, newMemberIsBronzeWithProgressToSilver) {
    const TierStatus s = status();
    STRCMP_EQUAL("bronze", s.current->id.c_str());
    STRCMP_EQUAL("silver", s.next->id.c_str());
    LONGS_EQUAL(0, s.earnedInWindow);
    LONGS_EQUAL(500, s.pointsToNext);
    LONGS_EQUAL(0, s.progressPerMille);
}

TEST(TierCalculator, oneBelowTheThresholdStaysInTheLowerTier) {
    earnedOn(Date{2025, 1, 5}, 499);
    const TierStatus s = status();
    STRCMP_EQUAL("bronze", s.current->id.c_str());
    LONGS_EQUAL(1, s.pointsToNext);
    LONGS_EQUAL(998, s.progressPerMille);  // 499/500, rounded down
}

TEST(TierCalculator, exactlyTheThresholdReachesTheTier) {
    earnedOn(Date{2025, 1, 5}, 500);
    const TierStatus s = status();
    STRCMP_EQUAL("silver", s.current->id.c_str());
    STRCMP_EQUAL("gold", s.next->id.c_str());
    LONGS_EQUAL(1500, s.pointsToNext);
    LONGS_EQUAL(0, s.progressPerMille);
}

TEST(TierCalculator, progressIsBetweenTheTwoThresholds) {
    earnedOn(Date{2025, 1, 5}, 1250);  // halfway from 500 to 2000
    const TierStatus s = status();
    STRCMP_EQUAL("silver", s.current->id.c_str());
    LONGS_EQUAL(750, s.pointsToNext);
    LONGS_EQUAL(500, s.progressPerMille);
}

TEST(TierCalculator, topTierHasNoNextAndFullProgress) {
    earnedOn(Date{2025, 1, 5}, 1999);
    STRCMP_EQUAL("silver", status().current->id.c_str());
    earnedOn(Date{2025, 1, 6}, 1);
    const TierStatus s = status();
    STRCMP_EQUAL("gold", s.current->id.c_str());
    POINTERS_EQUAL(nullptr, s.next);
    LONGS_EQUAL(0, s.pointsToNext);
    LONGS_EQUAL(1000, s.progressPerMille);
}

TEST(TierCalculator, entriesOnTheWindowStartDayNoLongerCount) {
    earnedOn(Date{2024, 3, 10}, 500);  // exactly 12 months before today
    LONGS_EQUAL(0, status().earnedInWindow);
    STRCMP_EQUAL("bronze", status().current->id.c_str());
}

TEST(TierCalculator, entriesOnTheDayAfterTheWindowStartCount) {
    earnedOn(Date{2024, 3, 11}, 500);
    LONGS_EQUAL(500, status().earnedInWindow);
    STRCMP_EQUAL("silver", status().current->id.c_str());
}

TEST(TierCalculator, windowMovesWithTheShopLocalDate) {
    earnedOn(Date{2024, 3, 10}, 500);
    // 23:30 UTC on 9 March is 00:30 on 10 March at UTC+1: already outside.
    now = Instant{daysSinceEpoch(Date{2025, 3, 9}) * 86400 + 23 * 3600 + 1800, 3600};
    LONGS_EQUAL(0, status().earnedInWindow);
    // Same UTC moment seen from UTC+0 is still 9 March: inside.
    now.utcOffsetSeconds = 0;
    LONGS_EQUAL(500, status().earnedInWindow);
}

TEST(TierCalculator, entriesDatedTodayCountAndFutureOnesDoNot) {
    earnedOn(Date{2025, 3, 10}, 300);
    earnedOn(Date{2025, 3, 11}, 300);
    LONGS_EQUAL(300, status().earnedInWindow);
}

TEST(TierCalculator, windowFromALeapDayClampsTheStart) {
    // Today 28 Feb 2025: start = addMonths(today, -12) = 28 Feb 2024 (excluded),
    // so 29 Feb 2024 is inside the window.
    now = at(2025, 2, 28);
    earnedOn(Date{2024, 2, 28}, 100);
    earnedOn(Date{2024, 2, 29}, 200);
    LONGS_EQUAL(200, status().earnedInWindow);
    // Today 29 Feb 2024 with a 1-month window: start 29 Jan (excluded).
    program.tierPolicy.qualificationMonths = 1;
    now = at(2024, 2, 29);
    member.earned = {EarnedEntry{Date{2024, 1, 29}, 10}, EarnedEntry{Date{2024, 1, 30}, 20}};
    LONGS_EQUAL(20, status().earnedInWindow);
}

TEST(TierCalculator, shorterWindowFromTheProgramme) {
    program.tierPolicy.qualificationMonths = 3;
    earnedOn(Date{2024, 12, 10}, 400);  // start day: excluded
    earnedOn(Date{2024, 12, 11}, 100);
    LONGS_EQUAL(100, status().earnedInWindow);
}

TEST(TierCalculator, zeroMonthsMeansEverythingEarnedCounts) {
    program.tierPolicy.qualificationMonths = 0;
    earnedOn(Date{2001, 1, 1}, 2000);
    STRCMP_EQUAL("gold", status().current->id.c_str());
}

TEST(TierCalculator, redemptionsDoNotMatterOnlyEarnedPoints) {
    member.confirmedBalance = 0;  // everything spent
    earnedOn(Date{2025, 2, 1}, 2500);
    STRCMP_EQUAL("gold", status().current->id.c_str());
}

TEST(TierCalculator, voidedEarnsSubtract) {
    earnedOn(Date{2025, 2, 1}, 600);
    earnedOn(Date{2025, 2, 2}, -150);
    const TierStatus s = status();
    LONGS_EQUAL(450, s.earnedInWindow);
    STRCMP_EQUAL("bronze", s.current->id.c_str());
}

TEST(TierCalculator, negativeSumShowsAsZero) {
    earnedOn(Date{2024, 1, 1}, 600);    // outside the window
    earnedOn(Date{2025, 2, 2}, -600);   // its void, inside
    const TierStatus s = status();
    LONGS_EQUAL(0, s.earnedInWindow);
    STRCMP_EQUAL("bronze", s.current->id.c_str());
    LONGS_EQUAL(500, s.pointsToNext);
}

TEST(TierCalculator, hugeEntriesSaturateInsteadOfWrapping) {
    earnedOn(Date{2025, 2, 1}, kMax);
    earnedOn(Date{2025, 2, 2}, kMax);
    earnedOn(Date{2025, 2, 3}, kMin);
    earnedOn(Date{2025, 2, 4}, kMin);
    // gains saturate at max, losses at min: max + min = -1 -> shown as 0.
    LONGS_EQUAL(0, status().earnedInWindow);
    member.earned = {EarnedEntry{Date{2025, 2, 1}, kMax}, EarnedEntry{Date{2025, 2, 2}, 5}};
    const TierStatus s = status();
    LONGS_EQUAL(kMax, s.earnedInWindow);
    STRCMP_EQUAL("gold", s.current->id.c_str());
}

TEST(TierCalculator, progressWithHugeThresholdsDoesNotOverflow) {
    program.tiers[2].threshold = kMax;
    earnedOn(Date{2025, 2, 1}, kMax - 1);
    const TierStatus s = status();
    STRCMP_EQUAL("silver", s.current->id.c_str());
    LONGS_EQUAL(1, s.pointsToNext);
    LONGS_EQUAL(999, s.progressPerMille);
}

TEST(TierCalculator, tiersNeedNotBeSorted) {
    std::swap(program.tiers[0], program.tiers[2]);
    earnedOn(Date{2025, 2, 1}, 700);
    const TierStatus s = status();
    STRCMP_EQUAL("silver", s.current->id.c_str());
    STRCMP_EQUAL("gold", s.next->id.c_str());
}

TEST(TierCalculator, noTierReachedWhenTheLowestThresholdIsAboveZero) {
    program.tiers = {Tier{"silver", "Silver", 500, 125}};
    earnedOn(Date{2025, 2, 1}, 100);
    const TierStatus s = status();
    POINTERS_EQUAL(nullptr, s.current);
    STRCMP_EQUAL("silver", s.next->id.c_str());
    LONGS_EQUAL(400, s.pointsToNext);
    LONGS_EQUAL(200, s.progressPerMille);
}
