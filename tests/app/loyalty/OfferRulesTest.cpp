#include <string>
#include <vector>

#include "app/loyalty/OutcomeText.h"
#include "app/loyalty/ProgramFixture.h"
#include "loyalty/OfferRules.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;
using namespace loyalty::test;

namespace {

Offer makeOffer(const std::string& id) {
    Offer offer;
    offer.id = id;
    offer.name = "Offer " + id;
    offer.bonusPoints = 50;
    offer.perMemberLimit = 1;
    return offer;
}

}  // namespace

// Each test puts the offers it needs into the programme. The demo member has
// her birthday in June and enrolled on 2024-01-15.
TEST_GROUP(OfferRules) {
    Program program = demoProgram();
    MemberState member = demoMember();
    CardState card = demoCard();
    Instant now = at(2025, 3, 10, 12, 0);

    void setup() override {
        program.offers.clear();
        member.lastActivityOn = Date{2025, 3, 1};
    }

    Offer& add(const Offer& offer) {
        program.offers.push_back(offer);
        return program.offers.back();
    }
    std::vector<EligibleOffer> eligible() const { return OfferRules(program).eligible(member, now); }
    bool isEligible(const std::string& id) const {
        for (const auto& entry : eligible()) {
            if (entry.offer->id == id) {
                return true;
            }
        }
        return false;
    }
    Expected<Decision, Refusal> activate(const std::string& id) const {
        return OfferRules(program).activate(member, card, id, now);
    }
    std::string activateCode(const std::string& id) const { return outcome(activate(id)); }
};

// --- audience: everyone, tier, segment -----------------------------------------

TEST(OfferRules, offerWithoutAudienceIsForEveryone) {
    add(makeOffer("all"));
    const auto offers = eligible();
    LONGS_EQUAL(1, offers.size());
    STRCMP_EQUAL("all", offers[0].offer->id.c_str());
    LONGS_EQUAL(1, offers[0].reasons.size());
    CHECK(offers[0].reasons[0] == OfferReason::Everyone);
    STRCMP_EQUAL("An offer for all our members.", offers[0].why.c_str());
}

TEST(OfferRules, tierOfferMatchesAMemberOfThatTier) {
    add(makeOffer("gold-only")).tiers = {"gold"};
    member.earned.push_back(EarnedEntry{Date{2025, 3, 1}, 2000});
    const auto offers = eligible();
    LONGS_EQUAL(1, offers.size());
    CHECK(offers[0].reasons == std::vector<OfferReason>{OfferReason::Tier});
}

TEST(OfferRules, tierOfferSkipsAMemberOnePointBelowThatTier) {
    add(makeOffer("gold-only")).tiers = {"gold"};
    member.earned.push_back(EarnedEntry{Date{2025, 3, 1}, 1999});
    CHECK_FALSE(isEligible("gold-only"));
}

TEST(OfferRules, tierOfferSkipsAMemberAboveItsTiers) {
    add(makeOffer("bronze-only")).tiers = {"bronze"};
    member.earned.push_back(EarnedEntry{Date{2025, 3, 1}, 2000});
    CHECK_FALSE(isEligible("bronze-only"));
}

TEST(OfferRules, segmentOfferMatchesAnyOfItsSegmentsWithoutNamingThem) {
    add(makeOffer("students")).segments = {"students", "coffee-lovers"};
    member.segments = {"commuters", "coffee-lovers"};
    const auto offers = eligible();
    LONGS_EQUAL(1, offers.size());
    CHECK(offers[0].reasons == std::vector<OfferReason>{OfferReason::Segment});
    CHECK(offers[0].why.find("coffee-lovers") == std::string::npos);
}

TEST(OfferRules, segmentOfferSkipsAMemberInNoneOfItsSegments) {
    add(makeOffer("students")).segments = {"students"};
    member.segments = {"commuters"};
    CHECK_FALSE(isEligible("students"));
}

TEST(OfferRules, audienceRulesCombineWithAnd) {
    Offer& offer = add(makeOffer("gold-birthday"));
    offer.tiers = {"gold"};
    offer.birthdayMonth = true;
    now = at(2025, 6, 10);
    CHECK_FALSE(isEligible("gold-birthday"));  // birthday, but bronze
    member.earned.push_back(EarnedEntry{Date{2025, 6, 1}, 2000});
    const auto offers = eligible();
    LONGS_EQUAL(1, offers.size());
    CHECK(offers[0].reasons == (std::vector<OfferReason>{OfferReason::Tier, OfferReason::Birthday}));
    STRCMP_EQUAL("A thank-you for your membership tier. Happy birthday month!", offers[0].why.c_str());
    now = at(2025, 7, 1);
    CHECK_FALSE(isEligible("gold-birthday"));  // gold, but not the birthday month
}

// --- audience: birthday month ----------------------------------------------------

TEST(OfferRules, birthdayOfferShowsOnFirstAndLastDayOfTheMonth) {
    add(makeOffer("bday")).birthdayMonth = true;
    now = at(2025, 6, 1, 0, 0);
    CHECK_TRUE(isEligible("bday"));
    now = at(2025, 6, 30, 23, 59);
    CHECK_TRUE(isEligible("bday"));
}

TEST(OfferRules, birthdayOfferHiddenTheDayBeforeAndAfterTheMonth) {
    add(makeOffer("bday")).birthdayMonth = true;
    now = at(2025, 5, 31, 23, 59);
    CHECK_FALSE(isEligible("bday"));
    now = at(2025, 7, 1, 0, 0);
    CHECK_FALSE(isEligible("bday"));
}

TEST(OfferRules, decemberBirthdayEndsOnNewYearsEve) {
    add(makeOffer("bday")).birthdayMonth = true;
    member.birthdayMonth = 12u;
    now = at(2025, 12, 31, 23, 59);
    CHECK_TRUE(isEligible("bday"));
    now = at(2026, 1, 1, 0, 0);
    CHECK_FALSE(isEligible("bday"));
}

TEST(OfferRules, januaryBirthdayStartsOnNewYearsDay) {
    add(makeOffer("bday")).birthdayMonth = true;
    member.birthdayMonth = 1u;
    now = at(2025, 12, 31, 23, 59);
    CHECK_FALSE(isEligible("bday"));
    now = at(2026, 1, 1, 0, 0);
    CHECK_TRUE(isEligible("bday"));
}

TEST(OfferRules, birthdayMonthIsTheShopLocalMonth) {
    add(makeOffer("bday")).birthdayMonth = true;
    member.birthdayMonth = 1u;
    // 23:30 UTC on 31 December is 00:30 on 1 January in a shop at UTC+1.
    now = at(2026, 1, 1, 0, 30, 3600);
    CHECK_TRUE(isEligible("bday"));
}

TEST(OfferRules, birthdayOfferNeedsAKnownBirthday) {
    add(makeOffer("bday")).birthdayMonth = true;
    member.birthdayMonth.reset();
    now = at(2025, 6, 10);
    CHECK_FALSE(isEligible("bday"));
}

// --- audience: lapsed (win-back) ---------------------------------------------------

TEST(OfferRules, lapsedExactlyNDaysIsOffered) {
    add(makeOffer("win-back")).lapsedDays = 60;
    member.lastActivityOn = Date{2025, 1, 9};  // 60 days before 10 March 2025
    const auto offers = eligible();
    LONGS_EQUAL(1, offers.size());
    CHECK(offers[0].reasons == std::vector<OfferReason>{OfferReason::WinBack});
}

TEST(OfferRules, lapsedOneDayShortIsNotOffered) {
    add(makeOffer("win-back")).lapsedDays = 60;
    member.lastActivityOn = Date{2025, 1, 10};  // 59 days
    CHECK_FALSE(isEligible("win-back"));
}

TEST(OfferRules, memberWithoutActivityIsLapsedCountingFromEnrolment) {
    add(makeOffer("win-back")).lapsedDays = 60;
    member.lastActivityOn.reset();
    member.enrolledOn = Date{2025, 1, 9};
    CHECK_TRUE(isEligible("win-back"));
    member.enrolledOn = Date{2025, 1, 10};
    CHECK_FALSE(isEligible("win-back"));
}

// --- audience: new member ----------------------------------------------------------

TEST(OfferRules, newMemberOfferShowsOnTheEnrolmentDay) {
    add(makeOffer("welcome")).newMemberDays = 30;
    member.enrolledOn = Date{2025, 3, 10};
    const auto offers = eligible();
    LONGS_EQUAL(1, offers.size());
    CHECK(offers[0].reasons == std::vector<OfferReason>{OfferReason::NewMember});
}

TEST(OfferRules, newMemberOfferShowsOnTheLastOfItsNDays) {
    add(makeOffer("welcome")).newMemberDays = 30;
    member.enrolledOn = Date{2025, 2, 9};  // 29 days before 10 March 2025
    CHECK_TRUE(isEligible("welcome"));
}

TEST(OfferRules, newMemberOfferEndsAfterNDays) {
    add(makeOffer("welcome")).newMemberDays = 30;
    member.enrolledOn = Date{2025, 2, 8};  // 30 days
    CHECK_FALSE(isEligible("welcome"));
}

TEST(OfferRules, enrolmentDateInTheFutureIsNotANewMember) {
    add(makeOffer("welcome")).newMemberDays = 30;
    member.enrolledOn = Date{2025, 3, 11};
    CHECK_FALSE(isEligible("welcome"));
}

// --- window, limits, state ------------------------------------------------------------

TEST(OfferRules, offerShowsOnTheFirstAndLastDayOfItsWindow) {
    Offer& offer = add(makeOffer("march"));
    offer.validFrom = Date{2025, 3, 10};
    offer.validUntil = Date{2025, 3, 20};
    CHECK_TRUE(isEligible("march"));
    now = at(2025, 3, 20, 23, 59);
    CHECK_TRUE(isEligible("march"));
}

TEST(OfferRules, offerHiddenTheDayBeforeAndAfterItsWindow) {
    Offer& offer = add(makeOffer("march"));
    offer.validFrom = Date{2025, 3, 10};
    offer.validUntil = Date{2025, 3, 20};
    now = at(2025, 3, 9, 23, 59);
    CHECK_FALSE(isEligible("march"));
    now = at(2025, 3, 21, 0, 0);
    CHECK_FALSE(isEligible("march"));
}

TEST(OfferRules, perMemberLimitOneBelowStillOffers) {
    add(makeOffer("thrice")).perMemberLimit = 3;
    member.offerActivations["thrice"] = 2;
    CHECK_TRUE(isEligible("thrice"));
}

TEST(OfferRules, perMemberLimitReachedHidesTheOffer) {
    add(makeOffer("thrice")).perMemberLimit = 3;
    member.offerActivations["thrice"] = 3;
    CHECK_FALSE(isEligible("thrice"));
}

TEST(OfferRules, zeroPerMemberLimitIsUnlimited) {
    add(makeOffer("always")).perMemberLimit = 0;
    member.offerActivations["always"] = 500;
    CHECK_TRUE(isEligible("always"));
}

TEST(OfferRules, currentlyActiveOfferIsNotOfferedAgain) {
    add(makeOffer("clipped")).perMemberLimit = 5;
    member.activeOffers = {"clipped"};
    CHECK_FALSE(isEligible("clipped"));
}

TEST(OfferRules, blockedMemberIsOfferedNothing) {
    add(makeOffer("all"));
    member.status = MemberStatus::Blocked;
    LONGS_EQUAL(0, eligible().size());
}

TEST(OfferRules, eligibleKeepsProgrammeOrder) {
    add(makeOffer("b"));
    add(makeOffer("a"));
    add(makeOffer("hidden")).birthdayMonth = true;
    add(makeOffer("c"));
    const auto offers = eligible();
    LONGS_EQUAL(3, offers.size());
    STRCMP_EQUAL("b", offers[0].offer->id.c_str());
    STRCMP_EQUAL("a", offers[1].offer->id.c_str());
    STRCMP_EQUAL("c", offers[2].offer->id.c_str());
}

// --- activate ---------------------------------------------------------------------------

TEST(OfferRules, activationRecordsOneOfferActivateEvent) {
    add(makeOffer("all")).name = "Double coffee points";
    const auto result = activate("all");
    STRCMP_EQUAL("ok", outcome(result).c_str());
    LONGS_EQUAL(1, result->events.size());
    const EventDraft& event = result->events.front();
    CHECK(event.type == EventType::OfferActivate);
    STRCMP_EQUAL("all", event.offerId.c_str());
    STRCMP_EQUAL("member-1", event.memberId.c_str());
    STRCMP_EQUAL("card-1", event.cardId.c_str());
    STRCMP_EQUAL("Activated: Double coffee points", event.reason.c_str());
    LONGS_EQUAL(0, event.pointsDelta);
}

TEST(OfferRules, activationOfBlockedMemberIsRefused) {
    add(makeOffer("all"));
    member.status = MemberStatus::Blocked;
    card.status = CardStatus::Lost;
    STRCMP_EQUAL("member_blocked", activateCode("all").c_str());
}

TEST(OfferRules, activationWithLostCardIsRefused) {
    add(makeOffer("all"));
    card.status = CardStatus::Lost;
    STRCMP_EQUAL("card_not_active", activateCode("all").c_str());
}

TEST(OfferRules, activationOfUnknownOfferIsRefused) {
    STRCMP_EQUAL("unknown_offer", activateCode("nope").c_str());
}

TEST(OfferRules, activationOutsideTheWindowIsRefused) {
    Offer& offer = add(makeOffer("march"));
    offer.validFrom = Date{2025, 3, 11};
    STRCMP_EQUAL("offer_not_active", activateCode("march").c_str());
    now = at(2025, 3, 11, 0, 0);
    STRCMP_EQUAL("ok", activateCode("march").c_str());
    program.offers.back().validUntil = Date{2025, 3, 11};
    now = at(2025, 3, 12, 0, 0);
    STRCMP_EQUAL("offer_not_active", activateCode("march").c_str());
}

TEST(OfferRules, activationOfAnActiveOfferIsRefused) {
    add(makeOffer("clipped")).perMemberLimit = 5;
    member.activeOffers = {"clipped"};
    STRCMP_EQUAL("offer_already_activated", activateCode("clipped").c_str());
}

TEST(OfferRules, activationAtTheLimitIsRefusedAndOneBelowAllowed) {
    add(makeOffer("twice")).perMemberLimit = 2;
    member.offerActivations["twice"] = 1;
    STRCMP_EQUAL("ok", activateCode("twice").c_str());
    member.offerActivations["twice"] = 2;
    STRCMP_EQUAL("member_limit_reached", activateCode("twice").c_str());
}

TEST(OfferRules, activationOutsideTheAudienceIsRefused) {
    add(makeOffer("bday")).birthdayMonth = true;
    const auto result = activate("bday");
    STRCMP_EQUAL("offer_not_eligible", outcome(result).c_str());
    CHECK(result.error().message.find("birthday") == std::string::npos);
}

TEST(OfferRules, activationChecksAlreadyActiveBeforeTheLimit) {
    add(makeOffer("once"));
    member.activeOffers = {"once"};
    member.offerActivations["once"] = 1;
    STRCMP_EQUAL("offer_already_activated", activateCode("once").c_str());
}

TEST(OfferRules, activationChecksTheLimitBeforeTheAudience) {
    add(makeOffer("bday")).birthdayMonth = true;
    member.offerActivations["bday"] = 1;
    STRCMP_EQUAL("member_limit_reached", activateCode("bday").c_str());
}

TEST(OfferRules, activationChecksTheWindowBeforeTheAudience) {
    Offer& offer = add(makeOffer("old-bday"));
    offer.birthdayMonth = true;
    offer.validUntil = Date{2025, 1, 31};
    STRCMP_EQUAL("offer_not_active", activateCode("old-bday").c_str());
}
