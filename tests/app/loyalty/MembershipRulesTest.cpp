#include <string>

#include "app/loyalty/OutcomeText.h"
#include "app/loyalty/ProgramFixture.h"
#include "loyalty/MembershipRules.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;
using namespace loyalty::test;

// The demo programme is "Corner Rewards".
TEST_GROUP(MembershipRules) {
    Program program = demoProgram();
    MemberState member = demoMember();
    CardState card = demoCard();
    Instant now = at(2025, 3, 10, 12, 0);

    Expected<Enrolment, Refusal> enrol(const std::string& name) const {
        return MembershipRules(program).enrol("member-9", name, "card-9", "staff-7", now);
    }
    Expected<Decision, Refusal> replace(const std::string& newCardId,
                                        const std::string& reason = "Card reported lost") const {
        return MembershipRules(program).replaceCard(member, card, newCardId, "staff-7", reason, now);
    }
    Expected<Decision, Refusal> block(const std::string& reason = "Card reported lost") const {
        return MembershipRules(program).blockCard(member, card, "staff-7", reason, now);
    }
    Expected<Decision, Refusal> rate(std::int32_t stars) const {
        return MembershipRules(program).rate(member, card, stars, now);
    }
};

// --- enrol ----------------------------------------------------------------------

TEST(MembershipRules, enrolmentRecordsEnrolThenCardLink) {
    const auto result = enrol("Ana");
    STRCMP_EQUAL("ok", outcome(result).c_str());
    const auto& events = result->decision.events;
    LONGS_EQUAL(2, events.size());
    CHECK(events[0].type == EventType::Enrol);
    STRCMP_EQUAL("member-9", events[0].memberId.c_str());
    STRCMP_EQUAL("card-9", events[0].cardId.c_str());
    STRCMP_EQUAL("staff-7", events[0].staffId.c_str());
    STRCMP_EQUAL("Welcome to Corner Rewards", events[0].reason.c_str());
    LONGS_EQUAL(0, events[0].pointsDelta);
    CHECK(events[1].type == EventType::CardLink);
    STRCMP_EQUAL("member-9", events[1].memberId.c_str());
    STRCMP_EQUAL("card-9", events[1].cardId.c_str());
    STRCMP_EQUAL("Card added to your membership", events[1].reason.c_str());
    LONGS_EQUAL(0, events[1].pointsDelta);
}

TEST(MembershipRules, enrolmentTrimsTheDisplayName) {
    const auto result = enrol("  \tAna \n");
    STRCMP_EQUAL("ok", outcome(result).c_str());
    STRCMP_EQUAL("Ana", result->displayName.c_str());
}

TEST(MembershipRules, enrolmentDateIsTheShopLocalDate) {
    now = at(2025, 3, 11, 0, 30, 3600);  // 23:30 UTC on the 10th, 00:30 local on the 11th
    const auto result = enrol("Ana");
    STRCMP_EQUAL("ok", outcome(result).c_str());
    CHECK(result->enrolledOn == (Date{2025, 3, 11}));
}

TEST(MembershipRules, emptyDisplayNameIsRefused) {
    STRCMP_EQUAL("invalid_amount", outcome(enrol("")).c_str());
}

TEST(MembershipRules, whitespaceOnlyDisplayNameIsRefused) {
    const auto result = enrol(" \t \r\n ");
    STRCMP_EQUAL("invalid_amount", outcome(result).c_str());
    STRCMP_EQUAL("Please enter a first name.", result.error().message.c_str());
}

TEST(MembershipRules, displayNameAtTheLengthLimitIsAccepted) {
    const std::string name(MembershipRules::kMaxDisplayNameBytes, 'a');
    STRCMP_EQUAL("ok", outcome(enrol("  " + name + "  ")).c_str());
}

TEST(MembershipRules, displayNameOneByteTooLongIsRefused) {
    const std::string name(MembershipRules::kMaxDisplayNameBytes + 1, 'a');
    STRCMP_EQUAL("invalid_amount", outcome(enrol(name)).c_str());
}

TEST(MembershipRules, enrolmentWithoutACardIsRefused) {
    const auto result = MembershipRules(program).enrol("member-9", "Ana", "", "staff-7", now);
    STRCMP_EQUAL("invalid_amount", outcome(result).c_str());
}

TEST(MembershipRules, enrolmentWithoutAMemberIdIsRefused) {
    const auto result = MembershipRules(program).enrol("", "Ana", "card-9", "staff-7", now);
    STRCMP_EQUAL("invalid_amount", outcome(result).c_str());
}

// --- replace card ------------------------------------------------------------------

TEST(MembershipRules, replacingAnActiveCardBlocksItAndLinksTheNewOne) {
    member.confirmedBalance = 1240;
    const auto result = replace("card-2");
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(2, result->events.size());
    const EventDraft& blocked = result->events[0];
    CHECK(blocked.type == EventType::CardBlock);
    STRCMP_EQUAL("card-1", blocked.cardId.c_str());
    STRCMP_EQUAL("member-1", blocked.memberId.c_str());
    STRCMP_EQUAL("staff-7", blocked.staffId.c_str());
    STRCMP_EQUAL("Card reported lost", blocked.reason.c_str());
    const EventDraft& linked = result->events[1];
    CHECK(linked.type == EventType::CardLink);
    STRCMP_EQUAL("card-2", linked.cardId.c_str());
    STRCMP_EQUAL("member-1", linked.memberId.c_str());
    STRCMP_EQUAL("Replacement card added. Your points stay with you.", linked.reason.c_str());
}

TEST(MembershipRules, replacingACardMovesNoPoints) {
    member.confirmedBalance = 1240;
    member.pendingDelta = 40;
    const auto result = replace("card-2");
    STRCMP_EQUAL("ok", outcome(result).c_str());
    for (const auto& event : result->events) {
        LONGS_EQUAL(0, event.pointsDelta);
    }
}

TEST(MembershipRules, replacingALostCardOnlyLinksTheNewOne) {
    card.status = CardStatus::Lost;
    const auto result = replace("card-2");
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(1, result->events.size());
    CHECK(result->events[0].type == EventType::CardLink);
    STRCMP_EQUAL("card-2", result->events[0].cardId.c_str());
}

TEST(MembershipRules, replacingABlockedCardOnlyLinksTheNewOne) {
    card.status = CardStatus::Blocked;
    const auto result = replace("card-2");
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(1, result->events.size());
    CHECK(result->events[0].type == EventType::CardLink);
}

TEST(MembershipRules, replacingWithTheSameCardIsRefused) {
    STRCMP_EQUAL("invalid_amount", outcome(replace("card-1")).c_str());
}

TEST(MembershipRules, replacingWithNoNewCardIsRefused) {
    STRCMP_EQUAL("invalid_amount", outcome(replace("")).c_str());
}

TEST(MembershipRules, replacingWithoutAReasonIsRefused) {
    STRCMP_EQUAL("reason_required", outcome(replace("card-2", "   ")).c_str());
}

TEST(MembershipRules, replacementReasonIsTrimmed) {
    const auto result = replace("card-2", "  Card damaged ");
    STRCMP_EQUAL("ok", outcome(result).c_str());
    STRCMP_EQUAL("Card damaged", result->events[0].reason.c_str());
}

TEST(MembershipRules, blockedMemberGetsNoReplacementCard) {
    member.status = MemberStatus::Blocked;
    STRCMP_EQUAL("member_blocked", outcome(replace("card-2")).c_str());
}

// --- block card -------------------------------------------------------------------------

TEST(MembershipRules, blockingACardRecordsOneCardBlock) {
    const auto result = block();
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(1, result->events.size());
    CHECK(result->events[0].type == EventType::CardBlock);
    STRCMP_EQUAL("card-1", result->events[0].cardId.c_str());
    STRCMP_EQUAL("Card reported lost", result->events[0].reason.c_str());
    LONGS_EQUAL(0, result->events[0].pointsDelta);
}

TEST(MembershipRules, blockingAnAlreadyLostCardIsRefused) {
    card.status = CardStatus::Lost;
    STRCMP_EQUAL("card_not_active", outcome(block()).c_str());
}

TEST(MembershipRules, blockingWithoutAReasonIsRefused) {
    STRCMP_EQUAL("reason_required", outcome(block("")).c_str());
}

TEST(MembershipRules, blockedMembersCardCanStillBeBlocked) {
    member.status = MemberStatus::Blocked;
    STRCMP_EQUAL("ok", outcome(block()).c_str());
}

// --- rating ---------------------------------------------------------------------------------

TEST(MembershipRules, lowestRatingIsRecorded) {
    const auto result = rate(1);
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(1, result->events.size());
    CHECK(result->events[0].type == EventType::Rating);
    LONGS_EQUAL(1, result->events[0].rating);
    LONGS_EQUAL(0, result->events[0].pointsDelta);
    STRCMP_EQUAL("member-1", result->events[0].memberId.c_str());
    STRCMP_EQUAL("You rated your visit 1 out of 5", result->events[0].reason.c_str());
}

TEST(MembershipRules, highestRatingIsRecorded) {
    const auto result = rate(5);
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(5, result->events[0].rating);
}

TEST(MembershipRules, ratingZeroIsRefused) {
    STRCMP_EQUAL("invalid_amount", outcome(rate(0)).c_str());
}

TEST(MembershipRules, ratingSixIsRefused) {
    STRCMP_EQUAL("invalid_amount", outcome(rate(6)).c_str());
}

TEST(MembershipRules, negativeRatingIsRefused) {
    STRCMP_EQUAL("invalid_amount", outcome(rate(-1)).c_str());
}

// --- trim --------------------------------------------------------------------------------------

TEST(MembershipRules, trimRemovesSurroundingWhitespaceOnly) {
    STRCMP_EQUAL("Ana Maria", MembershipRules::trim(" \t Ana Maria \r\n").c_str());
    STRCMP_EQUAL("", MembershipRules::trim(" \v\f ").c_str());
    STRCMP_EQUAL("x", MembershipRules::trim("x").c_str());
}
