#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "app/loyalty/OutcomeText.h"
#include "app/loyalty/ProgramFixture.h"
#include "loyalty/PointLots.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;
using loyalty::test::at;
using loyalty::test::outcome;

namespace {
constexpr Points kMax = std::numeric_limits<Points>::max();

bool sameLots(const std::vector<PointLot>& expected, const std::vector<PointLot>& actual) {
    return expected == actual;
}
}  // namespace

TEST_GROUP(PointLots) {
    Program program = test::demoProgram();  // expiry 12 months, warn 30 days
    MemberState member = test::demoMember();
    std::vector<PointLot> lots{PointLot{Date{2024, 1, 10}, 100}, PointLot{Date{2024, 2, 10}, 50},
                               PointLot{Date{2024, 3, 10}, 25}};
};

TEST(PointLots, spendTakesTheOldestLotFirst) {
    const auto result = PointLots::spend(lots, 30);
    STRCMP_EQUAL("ok", outcome(result).c_str());
    CHECK(sameLots({PointLot{Date{2024, 1, 10}, 70}, PointLot{Date{2024, 2, 10}, 50},
                    PointLot{Date{2024, 3, 10}, 25}},
                   *result));
}

TEST(PointLots, spendAcrossLotsDropsEmptiedOnes) {
    const auto result = PointLots::spend(lots, 120);
    CHECK(sameLots({PointLot{Date{2024, 2, 10}, 30}, PointLot{Date{2024, 3, 10}, 25}}, *result));
}

TEST(PointLots, spendExactlyTheFirstLot) {
    const auto result = PointLots::spend(lots, 100);
    CHECK(sameLots({PointLot{Date{2024, 2, 10}, 50}, PointLot{Date{2024, 3, 10}, 25}}, *result));
}

TEST(PointLots, spendEverything) {
    const auto result = PointLots::spend(lots, 175);
    STRCMP_EQUAL("ok", outcome(result).c_str());
    CHECK(result->empty());
}

TEST(PointLots, spendOneMoreThanHeldIsRefusedAndNothingChanges) {
    const std::vector<PointLot> before = lots;
    const auto result = PointLots::spend(lots, 176);
    STRCMP_EQUAL("insufficient_points", outcome(result).c_str());
    STRCMP_EQUAL("Only 175 pts available; 176 pts needed.", result.error().message.c_str());
    CHECK(sameLots(before, lots));
}

TEST(PointLots, spendZeroChangesNothing) {
    const auto result = PointLots::spend(lots, 0);
    CHECK(sameLots(lots, *result));
}

TEST(PointLots, spendNegativeIsRefused) {
    STRCMP_EQUAL("invalid_amount", outcome(PointLots::spend(lots, -1)).c_str());
}

TEST(PointLots, spendHugeAmountIsRefusedWithoutOverflow) {
    lots = {PointLot{Date{2024, 1, 1}, kMax}, PointLot{Date{2024, 1, 2}, kMax}};
    STRCMP_EQUAL("insufficient_points", outcome(PointLots::spend({PointLot{Date{2024, 1, 1}, 5}}, kMax)).c_str());
    const auto result = PointLots::spend(lots, kMax);
    CHECK(sameLots({PointLot{Date{2024, 1, 2}, kMax}}, *result));
}

TEST(PointLots, spendSkipsEmptyAndNegativeLots) {
    lots = {PointLot{Date{2024, 1, 1}, 0}, PointLot{Date{2024, 1, 2}, -5}, PointLot{Date{2024, 1, 3}, 10}};
    const auto result = PointLots::spend(lots, 4);
    CHECK(sameLots({PointLot{Date{2024, 1, 3}, 6}}, *result));
    STRCMP_EQUAL("insufficient_points", outcome(PointLots::spend(lots, 11)).c_str());
}

TEST(PointLots, addMergesTheSameDay) {
    const auto result = PointLots::add(lots, Date{2024, 2, 10}, 5);
    CHECK(sameLots({PointLot{Date{2024, 1, 10}, 100}, PointLot{Date{2024, 2, 10}, 55},
                    PointLot{Date{2024, 3, 10}, 25}},
                   *result));
}

TEST(PointLots, addANewDayAtTheEnd) {
    const auto result = PointLots::add(lots, Date{2024, 4, 1}, 7);
    LONGS_EQUAL(4, static_cast<long>(result->size()));
    CHECK((result->back() == PointLot{Date{2024, 4, 1}, 7}));
}

TEST(PointLots, addAnOlderDayKeepsDateOrder) {
    const auto result = PointLots::add(lots, Date{2024, 2, 1}, 7);
    CHECK(sameLots({PointLot{Date{2024, 1, 10}, 100}, PointLot{Date{2024, 2, 1}, 7},
                    PointLot{Date{2024, 2, 10}, 50}, PointLot{Date{2024, 3, 10}, 25}},
                   *result));
}

TEST(PointLots, addToNoLots) {
    const auto result = PointLots::add({}, Date{2024, 2, 1}, 1);
    CHECK(sameLots({PointLot{Date{2024, 2, 1}, 1}}, *result));
}

TEST(PointLots, addZeroOrNegativeIsRefused) {
    STRCMP_EQUAL("invalid_amount", outcome(PointLots::add(lots, Date{2024, 4, 1}, 0)).c_str());
    STRCMP_EQUAL("invalid_amount", outcome(PointLots::add(lots, Date{2024, 4, 1}, -3)).c_str());
}

TEST(PointLots, addOverflowIsRefused) {
    lots = {PointLot{Date{2024, 1, 1}, kMax - 1}};
    STRCMP_EQUAL("ok", outcome(PointLots::add(lots, Date{2024, 1, 1}, 1)).c_str());
    STRCMP_EQUAL("overflow", outcome(PointLots::add(lots, Date{2024, 1, 1}, 2)).c_str());
}

TEST(PointLots, expiryDateIsTheSameDayMonthsLater) {
    CHECK((PointLots::expiryDate(program.expiry, Date{2024, 3, 10}) == Date{2025, 3, 10}));
    CHECK((PointLots::expiryDate(program.expiry, Date{2024, 2, 29}) == Date{2025, 2, 28}));
    program.expiry.months = 1;
    CHECK((PointLots::expiryDate(program.expiry, Date{2024, 1, 31}) == Date{2024, 2, 29}));
    program.expiry.months = 0;
    CHECK_FALSE(PointLots::expiryDate(program.expiry, Date{2024, 1, 31}).has_value());
}

TEST(PointLots, lotIsStillSpendableTheDayBeforeItsExpiryDate) {
    member.lots = {PointLot{Date{2024, 3, 10}, 40}};
    CHECK(PointLots::expireDue(program, member, at(2025, 3, 9, 23, 59)).events.empty());
}

TEST(PointLots, lotExpiresOnItsExpiryDate) {
    member.lots = {PointLot{Date{2024, 3, 10}, 40}};
    const Decision d = PointLots::expireDue(program, member, at(2025, 3, 10, 0, 0));
    LONGS_EQUAL(1, static_cast<long>(d.events.size()));
    const EventDraft& e = d.events[0];
    CHECK(e.type == EventType::Expire);
    LONGS_EQUAL(-40, e.pointsDelta);
    STRCMP_EQUAL("member-1", e.memberId.c_str());
    STRCMP_EQUAL("40 pts earned on 10 March 2024 expired", e.reason.c_str());
}

TEST(PointLots, expiryUsesTheShopLocalDate) {
    member.lots = {PointLot{Date{2024, 3, 10}, 40}};
    // 23:30 UTC on 9 March 2025 is already 10 March at UTC+1.
    const Instant late{daysSinceEpoch(Date{2025, 3, 9}) * 86400 + 23 * 3600 + 1800, 3600};
    LONGS_EQUAL(1, static_cast<long>(PointLots::expireDue(program, member, late).events.size()));
    const Instant sameMomentUtc{late.utcSeconds, 0};
    LONGS_EQUAL(0, static_cast<long>(PointLots::expireDue(program, member, sameMomentUtc).events.size()));
}

TEST(PointLots, leapDayLotExpiresOnTheLastDayOfFebruary) {
    member.lots = {PointLot{Date{2024, 2, 29}, 1}};
    CHECK(PointLots::expireDue(program, member, at(2025, 2, 27)).events.empty());
    LONGS_EQUAL(1, static_cast<long>(PointLots::expireDue(program, member, at(2025, 2, 28)).events.size()));
}

TEST(PointLots, everyDueLotExpiresOldestFirstAndLaterOnesStay) {
    member.lots = lots;  // 10 Jan, 10 Feb, 10 Mar 2024
    const Decision d = PointLots::expireDue(program, member, at(2025, 2, 10));
    LONGS_EQUAL(2, static_cast<long>(d.events.size()));
    LONGS_EQUAL(-100, d.events[0].pointsDelta);
    LONGS_EQUAL(-50, d.events[1].pointsDelta);
    STRCMP_EQUAL("50 pts earned on 10 February 2024 expired", d.events[1].reason.c_str());
}

TEST(PointLots, emptyLotsDoNotProduceEvents) {
    member.lots = {PointLot{Date{2023, 1, 1}, 0}};
    CHECK(PointLots::expireDue(program, member, at(2025, 2, 10)).events.empty());
}

TEST(PointLots, zeroMonthsMeansNeverExpire) {
    program.expiry.months = 0;
    member.lots = {PointLot{Date{1990, 1, 1}, 10}};
    CHECK(PointLots::expireDue(program, member, at(2025, 2, 10)).events.empty());
    CHECK_FALSE(PointLots::nextExpiry(program, member, at(2025, 2, 10)).has_value());
}

TEST(PointLots, nextExpiryWithinTheWarningDays) {
    member.lots = {PointLot{Date{2024, 3, 10}, 40}, PointLot{Date{2024, 5, 1}, 10}};
    // Expires on 10 March 2025; 30 days before is 8 February.
    CHECK_FALSE(PointLots::nextExpiry(program, member, at(2025, 2, 7)).has_value());
    const auto notice = PointLots::nextExpiry(program, member, at(2025, 2, 8));
    CHECK(notice.has_value());
    CHECK((*notice == ExpiryNotice{40, Date{2025, 3, 10}}));
    CHECK((*PointLots::nextExpiry(program, member, at(2025, 3, 9)) == ExpiryNotice{40, Date{2025, 3, 10}}));
}

TEST(PointLots, nextExpiryIgnoresLotsAlreadyDue) {
    member.lots = {PointLot{Date{2024, 3, 10}, 40}, PointLot{Date{2024, 3, 20}, 10}};
    const auto notice = PointLots::nextExpiry(program, member, at(2025, 3, 10));
    CHECK((*notice == ExpiryNotice{10, Date{2025, 3, 20}}));
}

TEST(PointLots, nextExpirySumsLotsExpiringTheSameDay) {
    program.expiry.months = 1;
    // 29, 30 and 31 January 2025 all expire on 28 February 2025.
    member.lots = {PointLot{Date{2025, 1, 29}, 1}, PointLot{Date{2025, 1, 30}, 2},
                   PointLot{Date{2025, 1, 31}, 4}, PointLot{Date{2025, 2, 1}, 8}};
    const auto notice = PointLots::nextExpiry(program, member, at(2025, 2, 20));
    CHECK((*notice == ExpiryNotice{7, Date{2025, 2, 28}}));
}

TEST(PointLots, nextExpiryOfNoPoints) {
    CHECK_FALSE(PointLots::nextExpiry(program, member, at(2025, 2, 20)).has_value());
    member.lots = {PointLot{Date{2024, 3, 10}, 0}};
    CHECK_FALSE(PointLots::nextExpiry(program, member, at(2025, 3, 1)).has_value());
}

TEST(PointLots, nextExpirySaturatesHugeSums) {
    program.expiry.months = 1;
    member.lots = {PointLot{Date{2025, 1, 30}, kMax}, PointLot{Date{2025, 1, 31}, kMax}};
    const auto notice = PointLots::nextExpiry(program, member, at(2025, 2, 20));
    LONGS_EQUAL(kMax, notice->points);
}
