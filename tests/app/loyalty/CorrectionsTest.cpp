#include <cstdint>
#include <limits>
#include <string>

#include "app/loyalty/OutcomeText.h"
#include "app/loyalty/ProgramFixture.h"
#include "loyalty/Corrections.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;
using loyalty::test::outcome;

namespace {
constexpr Points kMax = std::numeric_limits<Points>::max();
constexpr Points kMin = std::numeric_limits<Points>::min();

RecordedEvent recorded(EventType type, Points delta) {
    RecordedEvent r;
    r.id = "evt-1";
    r.event.type = type;
    r.event.memberId = "member-1";
    r.event.cardId = "card-1";
    r.event.pointsDelta = delta;
    r.event.reason = "Purchase 12.34: 12 pts";
    return r;
}
}  // namespace

TEST_GROUP(Corrections) {
    MemberState member = test::demoMember();
    CardState card = test::demoCard();
    RecordedEvent earn = recorded(EventType::Earn, 12);

    void setup() override {
        member.confirmedBalance = 100;
        member.pendingDelta = 20;  // balance 120
    }
};

TEST(Corrections, voidOfAnEarnReversesItsPoints) {
    const auto result = Corrections::voidEvent(earn, "staff-7", "Refunded at the till", member);
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(1, static_cast<long>(result->events.size()));
    const EventDraft& v = result->events[0];
    CHECK(v.type == EventType::Void);
    STRCMP_EQUAL("evt-1", v.voidsEventId.c_str());
    LONGS_EQUAL(-12, v.pointsDelta);
    STRCMP_EQUAL("member-1", v.memberId.c_str());
    STRCMP_EQUAL("card-1", v.cardId.c_str());
    STRCMP_EQUAL("staff-7", v.staffId.c_str());
    LONGS_EQUAL(0, v.purchaseAmount);
    STRCMP_EQUAL("Reversed \"Purchase 12.34: 12 pts\": Refunded at the till", v.reason.c_str());
}

TEST(Corrections, voidOfARedeemGivesThePointsBackWithItsReward) {
    RecordedEvent redeem = recorded(EventType::Redeem, -150);
    redeem.event.rewardId = "free-coffee";
    redeem.event.reason = "Redeemed: A free coffee";
    member.confirmedBalance = -30;  // even a negative balance may receive points back
    member.pendingDelta = 0;
    const auto result = Corrections::voidEvent(redeem, "staff-7", "Machine broken", member);
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(150, result->events[0].pointsDelta);
    STRCMP_EQUAL("free-coffee", result->events[0].rewardId.c_str());
}

TEST(Corrections, voidOfAStampReversesTheStamps) {
    RecordedEvent stamp = recorded(EventType::Stamp, 0);
    stamp.event.stampCardId = "coffee-card";
    stamp.event.stamps = 2;
    member.stamps["coffee-card"] = 2;
    member.confirmedBalance = -5;  // moves no points: the balance does not matter
    member.pendingDelta = 0;
    const auto result = Corrections::voidEvent(stamp, "staff-7", "Wrong card", member);
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(-2, result->events[0].stamps);
    STRCMP_EQUAL("coffee-card", result->events[0].stampCardId.c_str());
    LONGS_EQUAL(0, result->events[0].pointsDelta);
}

TEST(Corrections, voidOfAStampAlreadyUsedForAFreeItemIsRefused) {
    RecordedEvent stamp = recorded(EventType::Stamp, 0);
    stamp.event.stampCardId = "coffee-card";
    stamp.event.stamps = 2;
    member.stamps["coffee-card"] = 1;
    STRCMP_EQUAL("insufficient_points", outcome(Corrections::voidEvent(stamp, "s", "Wrong card", member)).c_str());
}

TEST(Corrections, voidOfAnAdjustment) {
    const RecordedEvent adjustment = recorded(EventType::Adjust, -20);
    LONGS_EQUAL(20, Corrections::voidEvent(adjustment, "s", "Typo", member)->events[0].pointsDelta);
}

TEST(Corrections, alreadyVoidedIsRefused) {
    earn.voided = true;
    STRCMP_EQUAL("already_voided", outcome(Corrections::voidEvent(earn, "s", "Again", member)).c_str());
}

TEST(Corrections, eventsThatAreNotMovementsCannotBeVoided) {
    const EventType notVoidable[] = {EventType::Void,      EventType::Expire,        EventType::Enrol,
                                     EventType::CardLink,  EventType::CardBlock,     EventType::OfferActivate,
                                     EventType::Rating};
    for (EventType type : notVoidable) {
        const auto result = Corrections::voidEvent(recorded(type, -5), "s", "Mistake", member);
        STRCMP_EQUAL_TEXT("not_voidable", outcome(result).c_str(), std::string(eventTypeName(type)).c_str());
    }
}

TEST(Corrections, anotherMembersEventCannotBeVoided) {
    earn.event.memberId = "member-2";
    STRCMP_EQUAL("not_voidable", outcome(Corrections::voidEvent(earn, "s", "Mistake", member)).c_str());
}

TEST(Corrections, nothingToVoid) {
    STRCMP_EQUAL("nothing_to_void",
                 outcome(Corrections::voidEvent(recorded(EventType::Earn, 0), "s", "Mistake", member)).c_str());
    earn.id.clear();
    STRCMP_EQUAL("nothing_to_void", outcome(Corrections::voidEvent(earn, "s", "Mistake", member)).c_str());
}

TEST(Corrections, voidNeedsAReason) {
    STRCMP_EQUAL("reason_required", outcome(Corrections::voidEvent(earn, "s", "", member)).c_str());
    STRCMP_EQUAL("reason_required", outcome(Corrections::voidEvent(earn, "s", " \t\n ", member)).c_str());
    const auto trimmed = Corrections::voidEvent(earn, "s", "  Refund  ", member);
    STRCMP_EQUAL("Reversed \"Purchase 12.34: 12 pts\": Refund", trimmed->events[0].reason.c_str());
}

TEST(Corrections, voidOfAnEarnAlreadySpentIsRefused) {
    earn.event.pointsDelta = 121;  // balance is 120
    const auto result = Corrections::voidEvent(earn, "s", "Refund", member);
    STRCMP_EQUAL("insufficient_points", outcome(result).c_str());
    STRCMP_EQUAL("The balance is 120 pts; this would leave -1 pt.", result.error().message.c_str());
    earn.event.pointsDelta = 120;  // exactly the balance: allowed, leaves 0
    STRCMP_EQUAL("ok", outcome(Corrections::voidEvent(earn, "s", "Refund", member)).c_str());
}

TEST(Corrections, voidThatWouldOverflowIsRefused) {
    earn.event.pointsDelta = kMin;  // its negation does not fit
    STRCMP_EQUAL("overflow", outcome(Corrections::voidEvent(earn, "s", "Refund", member)).c_str());
    RecordedEvent redeem = recorded(EventType::Redeem, -10);
    member.confirmedBalance = kMax - 5;
    member.pendingDelta = 0;
    STRCMP_EQUAL("overflow", outcome(Corrections::voidEvent(redeem, "s", "Refund", member)).c_str());
}

TEST(Corrections, adjustUpAndDown) {
    const auto up = Corrections::adjust(member, card, 25, "staff-7", "Missed purchase on Monday");
    STRCMP_EQUAL("ok", outcome(up).c_str());
    const EventDraft& e = up->events[0];
    CHECK(e.type == EventType::Adjust);
    LONGS_EQUAL(25, e.pointsDelta);
    STRCMP_EQUAL("member-1", e.memberId.c_str());
    STRCMP_EQUAL("card-1", e.cardId.c_str());
    STRCMP_EQUAL("staff-7", e.staffId.c_str());
    STRCMP_EQUAL("Adjustment: Missed purchase on Monday", e.reason.c_str());
    LONGS_EQUAL(-120, Corrections::adjust(member, card, -120, "s", "Goodwill reversal")->events[0].pointsDelta);
}

TEST(Corrections, adjustBelowZeroIsRefused) {
    const auto result = Corrections::adjust(member, card, -121, "s", "Correction");
    STRCMP_EQUAL("insufficient_points", outcome(result).c_str());
    STRCMP_EQUAL("insufficient_points", outcome(Corrections::adjust(member, card, kMin, "s", "Correction")).c_str());
}

TEST(Corrections, adjustOfZeroIsRefused) {
    STRCMP_EQUAL("invalid_amount", outcome(Corrections::adjust(member, card, 0, "s", "Nothing")).c_str());
}

TEST(Corrections, adjustNeedsAReason) {
    STRCMP_EQUAL("reason_required", outcome(Corrections::adjust(member, card, 5, "s", "")).c_str());
    STRCMP_EQUAL("reason_required", outcome(Corrections::adjust(member, card, 5, "s", "   ")).c_str());
}

TEST(Corrections, adjustOverflowIsRefused) {
    STRCMP_EQUAL("ok", outcome(Corrections::adjust(member, card, kMax - 120, "s", "Max")).c_str());
    STRCMP_EQUAL("overflow", outcome(Corrections::adjust(member, card, kMax - 119, "s", "Max")).c_str());
    member.confirmedBalance = kMax;
    member.pendingDelta = 1;  // the balance itself does not fit
    STRCMP_EQUAL("overflow", outcome(Corrections::adjust(member, card, -1, "s", "Fix")).c_str());
}

TEST(Corrections, adjustIsAllowedForBlockedMembersAndLostCards) {
    member.status = MemberStatus::Blocked;
    card.status = CardStatus::Lost;
    STRCMP_EQUAL("ok", outcome(Corrections::adjust(member, card, 5, "s", "Carry-over")).c_str());
}
