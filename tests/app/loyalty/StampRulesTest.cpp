#include <cstdint>
#include <limits>
#include <string>

#include "app/loyalty/OutcomeText.h"
#include "app/loyalty/ProgramFixture.h"
#include "loyalty/StampRules.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;
using namespace loyalty::test;

// The demo coffee card: 9 stamps for "A free coffee"; velocity 10 a day.
TEST_GROUP(StampRules) {
    Program program = demoProgram();
    MemberState member = demoMember();
    CardState card = demoCard();
    Instant now = at(2025, 3, 10, 12, 0);

    Expected<Decision, Refusal> stamp(std::int32_t count, bool managerOverride = false) const {
        return StampRules(program).stamp(member, card, "coffee-card", count, "staff-7",
                                         managerOverride, now);
    }
    std::string stampCode(std::int32_t count, bool managerOverride = false) const {
        return outcome(stamp(count, managerOverride));
    }
};

// --- adding stamps ---------------------------------------------------------------

TEST(StampRules, oneStampRecordsOneStampEvent) {
    const auto result = stamp(1);
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(1, result->events.size());
    const EventDraft& event = result->events.front();
    CHECK(event.type == EventType::Stamp);
    LONGS_EQUAL(1, event.stamps);
    LONGS_EQUAL(0, event.pointsDelta);
    STRCMP_EQUAL("coffee-card", event.stampCardId.c_str());
    STRCMP_EQUAL("member-1", event.memberId.c_str());
    STRCMP_EQUAL("card-1", event.cardId.c_str());
    STRCMP_EQUAL("staff-7", event.staffId.c_str());
    STRCMP_EQUAL("Stamp added: Coffee card", event.reason.c_str());
}

TEST(StampRules, severalStampsSayHowMany) {
    const auto result = stamp(3);
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(3, result->events.front().stamps);
    STRCMP_EQUAL("3 stamps added: Coffee card", result->events.front().reason.c_str());
}

TEST(StampRules, oneStampShortOfTheFreeItemEarnsNothing) {
    member.stamps["coffee-card"] = 7;
    const auto result = stamp(1);
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(1, result->events.size());
}

TEST(StampRules, reachingTheCountEarnsTheFreeItem) {
    member.stamps["coffee-card"] = 8;
    const auto result = stamp(1);
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(2, result->events.size());
    LONGS_EQUAL(1, result->events[0].stamps);
    const EventDraft& freeItem = result->events[1];
    CHECK(freeItem.type == EventType::Stamp);
    LONGS_EQUAL(-9, freeItem.stamps);
    LONGS_EQUAL(0, freeItem.pointsDelta);
    STRCMP_EQUAL("coffee-card", freeItem.stampCardId.c_str());
    STRCMP_EQUAL("Free item earned: A free coffee", freeItem.reason.c_str());
}

TEST(StampRules, stampsBeyondTheCountStayOnTheCard) {
    member.stamps["coffee-card"] = 8;
    const auto result = stamp(3);
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(2, result->events.size());
    // 8 + 3 - 9 = 2 stamps left towards the next one.
    LONGS_EQUAL(2, 8 + result->events[0].stamps + result->events[1].stamps);
}

TEST(StampRules, manyStampsCanEarnSeveralFreeItems) {
    const auto result = stamp(18);
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(3, result->events.size());
    LONGS_EQUAL(-9, result->events[1].stamps);
    LONGS_EQUAL(-9, result->events[2].stamps);
}

// --- amounts ----------------------------------------------------------------------------

TEST(StampRules, zeroStampsAreRefused) {
    STRCMP_EQUAL("invalid_amount", stampCode(0).c_str());
}

TEST(StampRules, negativeStampsAreRefused) {
    STRCMP_EQUAL("invalid_amount", stampCode(-1).c_str());
    STRCMP_EQUAL("invalid_amount", stampCode(std::numeric_limits<std::int32_t>::min()).c_str());
}

TEST(StampRules, oneHundredStampsAtOnceAreAccepted) {
    STRCMP_EQUAL("ok", stampCode(StampRules::kMaxStampsPerTransaction).c_str());
}

TEST(StampRules, moreThanOneHundredStampsAtOnceAreRefused) {
    const auto result = stamp(101);
    STRCMP_EQUAL("invalid_amount", outcome(result).c_str());
    STRCMP_EQUAL("Please enter between 1 and 100 stamps.", result.error().message.c_str());
}

TEST(StampRules, corruptStoredCountIsRefusedInsteadOfFloodingTheLedger) {
    member.stamps["coffee-card"] = std::numeric_limits<std::int32_t>::max();
    STRCMP_EQUAL("invalid_amount", stampCode(1).c_str());
}

// --- card, member, velocity --------------------------------------------------------------

TEST(StampRules, unknownStampCardIsRefused) {
    const auto result = StampRules(program).stamp(member, card, "tea-card", 1, "staff-7", false, now);
    STRCMP_EQUAL("unknown_stamp_card", outcome(result).c_str());
}

TEST(StampRules, stampCardWithoutACountIsRefusedAsUnknown) {
    program.stampCards[0].stampsRequired = 0;
    STRCMP_EQUAL("unknown_stamp_card", stampCode(1).c_str());
}

TEST(StampRules, blockedMemberIsRefused) {
    member.status = MemberStatus::Blocked;
    STRCMP_EQUAL("member_blocked", stampCode(1).c_str());
}

TEST(StampRules, lostCardIsRefused) {
    card.status = CardStatus::Lost;
    STRCMP_EQUAL("card_not_active", stampCode(1).c_str());
}

TEST(StampRules, velocityAllowsOneBelowTheLimit) {
    card.transactionsToday = 9;
    STRCMP_EQUAL("ok", stampCode(1).c_str());
}

TEST(StampRules, velocityHoldsAtTheLimit) {
    card.transactionsToday = 10;
    STRCMP_EQUAL("velocity_held", stampCode(1).c_str());
}

TEST(StampRules, managerOverrideReleasesAVelocityHold) {
    card.transactionsToday = 10;
    STRCMP_EQUAL("ok", stampCode(1, true).c_str());
}

TEST(StampRules, invalidCountIsReportedBeforeVelocity) {
    card.transactionsToday = 10;
    STRCMP_EQUAL("invalid_amount", stampCode(0).c_str());
}

// --- progress -------------------------------------------------------------------------------

TEST(StampRules, progressShowsHeldAndRequired) {
    member.stamps["coffee-card"] = 4;
    const auto progress = StampRules(program).progress(member, "coffee-card");
    STRCMP_EQUAL("ok", outcome(progress).c_str());
    CHECK(*progress == (StampProgress{4, 9}));
}

TEST(StampRules, progressWithNoStampsYetIsZero) {
    const auto progress = StampRules(program).progress(member, "coffee-card");
    STRCMP_EQUAL("ok", outcome(progress).c_str());
    CHECK(*progress == (StampProgress{0, 9}));
}

TEST(StampRules, progressReadsANegativeCountAsZero) {
    member.stamps["coffee-card"] = -3;
    const auto progress = StampRules(program).progress(member, "coffee-card");
    STRCMP_EQUAL("ok", outcome(progress).c_str());
    LONGS_EQUAL(0, progress->held);
}

TEST(StampRules, progressOfUnknownCardIsRefused) {
    STRCMP_EQUAL("unknown_stamp_card",
                 outcome(StampRules(program).progress(member, "tea-card")).c_str());
}
