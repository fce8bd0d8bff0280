#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "app/loyalty/OutcomeText.h"
#include "app/loyalty/ProgramFixture.h"
#include "loyalty/EarnCalculator.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;
using loyalty::test::at;
using loyalty::test::outcome;

namespace {
constexpr Money kMax = std::numeric_limits<Money>::max();
const Instant kMonday = at(2025, 3, 10, 12, 0, 3600);
const Instant kTuesday = at(2025, 3, 11, 12, 0, 3600);
}  // namespace

TEST_GROUP(EarnCalculator) {
    Program program = test::demoProgram();
    MemberState member = test::demoMember();
    CardState card = test::demoCard();
    PurchaseRequest request;

    void setup() override {
        request.amount = 1234;
        request.staffId = "staff-7";
    }
    void makeTier(Points earned) {
        member.earned = {EarnedEntry{Date{2025, 1, 2}, earned}};
    }
    Expected<EarnBreakdown, Refusal> preview(const Instant& now = kMonday) {
        return EarnCalculator(program).preview(member, card, request, now);
    }
    Expected<Decision, Refusal> decide(const Instant& now = kMonday) {
        return EarnCalculator(program).decide(member, card, request, now);
    }
    Points totalOf(const Decision& decision) {
        Points sum = 0;
        for (const EventDraft& e : decision.events) {
            sum += e.pointsDelta;
        }
        return sum;
    }
};

TEST(EarnCalculator, basePointsRoundDownPerFullStep) {
    request.amount = 1299;
    const auto b = preview();
    STRCMP_EQUAL("ok", outcome(b).c_str());
    LONGS_EQUAL(12, b->basePoints);
    LONGS_EQUAL(0, b->tierBonus);
    STRCMP_EQUAL("bronze", b->tierId.c_str());
    LONGS_EQUAL(12, b->total);
    CHECK_FALSE(b->capped);
    CHECK(b->note.empty());
}

TEST(EarnCalculator, oneStepIsTheFirstPoint) {
    request.amount = 100;
    LONGS_EQUAL(1, preview()->total);
    request.amount = 99;
    LONGS_EQUAL(0, preview()->total);
    request.amount = 1;
    LONGS_EQUAL(0, preview()->total);
}

TEST(EarnCalculator, pointsPerStepAndStepSizeFromTheProgramme) {
    program.earn.amountPerStep = 250;
    program.earn.pointsPerStep = 3;
    request.amount = 749;  // two full steps
    LONGS_EQUAL(6, preview()->basePoints);
}

TEST(EarnCalculator, decideRecordsOneEarnEventForThePurchase) {
    const auto d = decide();
    STRCMP_EQUAL("ok", outcome(d).c_str());
    LONGS_EQUAL(1, static_cast<long>(d->events.size()));
    const EventDraft& e = d->events[0];
    CHECK(e.type == EventType::Earn);
    LONGS_EQUAL(12, e.pointsDelta);
    LONGS_EQUAL(1234, e.purchaseAmount);
    STRCMP_EQUAL("member-1", e.memberId.c_str());
    STRCMP_EQUAL("card-1", e.cardId.c_str());
    STRCMP_EQUAL("staff-7", e.staffId.c_str());
    CHECK(e.offerId.empty());
    STRCMP_EQUAL("Purchase 12.34: 12 pts", e.reason.c_str());
}

TEST(EarnCalculator, zeroPointPurchaseRecordsNothingAndSaysWhy) {
    request.amount = 99;
    CHECK(decide()->events.empty());
    STRCMP_EQUAL("No points: 1 pt per full 1.00 spent.", preview()->note.c_str());
}

TEST(EarnCalculator, amountMustBePositive) {
    request.amount = 0;
    STRCMP_EQUAL("invalid_amount", outcome(preview()).c_str());
    request.amount = -100;
    STRCMP_EQUAL("invalid_amount", outcome(decide()).c_str());
}

TEST(EarnCalculator, amountAboveTheMaximumIsRefused) {
    program.earn.maxPurchaseAmount = 50000;
    request.amount = 50000;
    STRCMP_EQUAL("ok", outcome(preview()).c_str());
    request.amount = 50001;
    const auto b = preview();
    STRCMP_EQUAL("invalid_amount", outcome(b).c_str());
    STRCMP_EQUAL("The purchase amount 500.01 is above the limit of 500.00.", b.error().message.c_str());
}

TEST(EarnCalculator, belowTheMinimumPurchaseEarnsNothingAtAll) {
    program.earn.minimumPurchase = 500;
    request.amount = 499;
    request.lines = {PurchaseLine{"coffee", 300}};  // the coffee bonus does not apply either
    member.activeOffers = {"birthday-treat"};
    const auto b = preview(kTuesday);
    LONGS_EQUAL(0, b->total);
    CHECK(b->promotions.empty());
    CHECK(b->offers.empty());
    STRCMP_EQUAL("Purchases under 5.00 earn no points.", b->note.c_str());
    CHECK(decide(kTuesday)->events.empty());
    request.amount = 500;
    LONGS_EQUAL(5 + 5 + 50 + 100, preview(kTuesday)->total);
}

TEST(EarnCalculator, blockedMemberIsRefused) {
    member.status = MemberStatus::Blocked;
    STRCMP_EQUAL("member_blocked", outcome(preview()).c_str());
    STRCMP_EQUAL("member_blocked", outcome(decide()).c_str());
}

TEST(EarnCalculator, lostOrBlockedCardIsRefused) {
    card.status = CardStatus::Lost;
    STRCMP_EQUAL("card_not_active", outcome(preview()).c_str());
    card.status = CardStatus::Blocked;
    STRCMP_EQUAL("card_not_active", outcome(decide()).c_str());
}

TEST(EarnCalculator, velocityHoldAtTheLimitAndManagerOverride) {
    card.transactionsToday = 9;
    STRCMP_EQUAL("ok", outcome(decide()).c_str());
    card.transactionsToday = 10;
    STRCMP_EQUAL("velocity_held", outcome(preview()).c_str());
    STRCMP_EQUAL("velocity_held", outcome(decide()).c_str());
    request.managerOverride = true;
    STRCMP_EQUAL("ok", outcome(decide()).c_str());
}

TEST(EarnCalculator, tierMultiplierAppliesToBaseRoundingDown) {
    makeTier(500);  // silver x1.25
    const auto b = preview();
    STRCMP_EQUAL("silver", b->tierId.c_str());
    LONGS_EQUAL(125, b->tierMultiplier);
    LONGS_EQUAL(3, b->tierBonus);  // 12 * 1.25 = 15
    LONGS_EQUAL(15, b->total);
    request.amount = 1300;  // 13 * 1.25 = 16.25
    LONGS_EQUAL(16, preview()->total);
    STRCMP_EQUAL("Purchase 13.00: 13 pts, Silver x1.25 +3", decide()->events[0].reason.c_str());
}

TEST(EarnCalculator, tierOneBelowTheThresholdEarnsAtTheLowerRate) {
    makeTier(499);
    STRCMP_EQUAL("bronze", preview()->tierId.c_str());
    LONGS_EQUAL(12, preview()->total);
}

TEST(EarnCalculator, goldTuesdayReadsLikeTheBrief) {
    makeTier(2000);
    const auto b = preview(kTuesday);
    LONGS_EQUAL(12, b->basePoints);
    LONGS_EQUAL(6, b->tierBonus);
    LONGS_EQUAL(1, static_cast<long>(b->promotions.size()));
    STRCMP_EQUAL("double-tuesday", b->promotions[0].id.c_str());
    LONGS_EQUAL(12, b->promotions[0].points);
    LONGS_EQUAL(30, b->total);
    STRCMP_EQUAL("Purchase 12.34: 12 pts, Gold x1.5 +6, Double points Tuesday +12",
                 decide(kTuesday)->events[0].reason.c_str());
}

TEST(EarnCalculator, weekdayPromotionOnlyOnItsShopLocalWeekday) {
    CHECK(preview(kMonday)->promotions.empty());
    LONGS_EQUAL(24, preview(kTuesday)->total);
    // 23:30 UTC on Monday is 00:30 on Tuesday at UTC+1.
    const Instant mondayUtcLate{daysSinceEpoch(Date{2025, 3, 10}) * 86400 + 23 * 3600 + 1800, 3600};
    LONGS_EQUAL(24, preview(mondayUtcLate)->total);
    LONGS_EQUAL(12, preview(Instant{mondayUtcLate.utcSeconds, 0})->total);
}

TEST(EarnCalculator, promotionValidityDatesAreInclusive) {
    program.promotions[0].validFrom = Date{2025, 3, 11};
    program.promotions[0].validUntil = Date{2025, 3, 11};
    LONGS_EQUAL(24, preview(kTuesday)->total);
    program.promotions[0].validFrom = Date{2025, 3, 12};
    LONGS_EQUAL(12, preview(kTuesday)->total);
    program.promotions[0].validFrom = std::nullopt;
    program.promotions[0].validUntil = Date{2025, 3, 10};
    LONGS_EQUAL(12, preview(kTuesday)->total);
}

TEST(EarnCalculator, categoryBonusNeedsALineOfItsCategory) {
    LONGS_EQUAL(12, preview()->total);
    request.lines = {PurchaseLine{"bakery", 600}, PurchaseLine{"coffee", 300}};
    const auto b = preview();
    LONGS_EQUAL(62, b->total);
    STRCMP_EQUAL("coffee-bonus", b->promotions[0].id.c_str());
    STRCMP_EQUAL("Purchase 12.34: 12 pts, Coffee bonus +50", decide()->events[0].reason.c_str());
    request.lines = {PurchaseLine{"coffee", 0}};
    LONGS_EQUAL(12, preview()->total);
    request.lines = {PurchaseLine{"Coffee", 300}};  // categories match exactly
    LONGS_EQUAL(12, preview()->total);
}

TEST(EarnCalculator, promotionMinimumOfTheQualifyingAmount) {
    program.promotions[1].minimumPurchase = 300;
    request.lines = {PurchaseLine{"coffee", 200}, PurchaseLine{"coffee", 99}};
    LONGS_EQUAL(12, preview()->total);
    request.lines.push_back(PurchaseLine{"coffee", 1});
    LONGS_EQUAL(62, preview()->total);
}

TEST(EarnCalculator, categoryMultiplierUsesTheBaseOfItsLines) {
    Promotion bakery;
    bakery.id = "bakery-triple";
    bakery.name = "Triple on bakery";
    bakery.kind = Promotion::Kind::Multiplier;
    bakery.multiplier = 300;
    bakery.category = "bakery";
    program.promotions.push_back(bakery);
    request.lines = {PurchaseLine{"bakery", 250}, PurchaseLine{"bakery", 260}, PurchaseLine{"fruit", 700}};
    const auto b = preview();
    // bakery lines 5.10 -> 5 base pts -> +10
    LONGS_EQUAL(10, b->promotions[0].points);
    LONGS_EQUAL(22, b->total);
}

TEST(EarnCalculator, multipliersAddAndNeverCompound) {
    makeTier(2000);  // gold x1.5
    Promotion extra;
    extra.id = "half-again";
    extra.name = "Half again";
    extra.multiplier = 150;
    program.promotions.push_back(extra);
    request.amount = 10000;  // 100 base
    const auto b = preview(kTuesday);
    LONGS_EQUAL(100, b->basePoints);
    LONGS_EQUAL(50, b->tierBonus);
    LONGS_EQUAL(100, b->promotions[0].points);
    LONGS_EQUAL(50, b->promotions[1].points);
    LONGS_EQUAL(300, b->total);  // compounding would give 100 * 1.5 * 2 * 1.5 = 450
}

TEST(EarnCalculator, promotionsBelowX1AddNothing) {
    program.promotions[0].multiplier = 50;
    CHECK(preview(kTuesday)->promotions.empty());
    LONGS_EQUAL(12, preview(kTuesday)->total);
}

TEST(EarnCalculator, linesMayNotExceedTheAmount) {
    request.lines = {PurchaseLine{"coffee", 1000}, PurchaseLine{"bakery", 234}};
    STRCMP_EQUAL("ok", outcome(preview()).c_str());
    request.lines.back().amount = 235;
    STRCMP_EQUAL("invalid_amount", outcome(preview()).c_str());
}

TEST(EarnCalculator, negativeLineIsRefused) {
    request.lines = {PurchaseLine{"coffee", -1}};
    STRCMP_EQUAL("invalid_amount", outcome(preview()).c_str());
}

TEST(EarnCalculator, linesThatOverflowAreRefused) {
    request.amount = kMax;
    request.lines = {PurchaseLine{"coffee", kMax}, PurchaseLine{"coffee", 1}};
    STRCMP_EQUAL("overflow", outcome(preview()).c_str());
}

TEST(EarnCalculator, int64MaxAmountFitsAtX1ButOverflowsWithAMultiplier) {
    program.earn.amountPerStep = 1;
    request.amount = kMax;
    LONGS_EQUAL(kMax, preview()->total);
    makeTier(500);
    STRCMP_EQUAL("overflow", outcome(preview()).c_str());
    STRCMP_EQUAL("overflow", outcome(decide()).c_str());
}

TEST(EarnCalculator, basePointsOverflowIsRefused) {
    program.earn.amountPerStep = 1;
    program.earn.pointsPerStep = 2;
    request.amount = kMax / 2 + 1;
    STRCMP_EQUAL("overflow", outcome(preview()).c_str());
}

TEST(EarnCalculator, bonusThatOverflowsIsRefused) {
    program.promotions[1].bonusPoints = kMax;
    request.lines = {PurchaseLine{"coffee", 100}};
    STRCMP_EQUAL("overflow", outcome(preview()).c_str());
}

TEST(EarnCalculator, brokenEarnRuleIsRefusedNotDividedByZero) {
    program.earn.amountPerStep = 0;
    STRCMP_EQUAL("invalid_amount", outcome(preview()).c_str());
}

TEST(EarnCalculator, capAppliesLast) {
    makeTier(2000);
    program.earn.maxPointsPerTransaction = 30;  // exactly the total: not capped
    CHECK_FALSE(preview(kTuesday)->capped);
    program.earn.maxPointsPerTransaction = 29;
    const auto b = preview(kTuesday);
    CHECK(b->capped);
    LONGS_EQUAL(30, b->totalBeforeCap);
    LONGS_EQUAL(29, b->total);
    LONGS_EQUAL(11, b->promotions[0].awarded);
    const auto d = decide(kTuesday);
    LONGS_EQUAL(29, d->events[0].pointsDelta);
    STRCMP_EQUAL("Purchase 12.34: 12 pts, Gold x1.5 +6, Double points Tuesday +12 (limit of 29 pts per purchase): 29 pts",
                 d->events[0].reason.c_str());
}

TEST(EarnCalculator, capBelowTheBasePoints) {
    program.earn.maxPointsPerTransaction = 5;
    LONGS_EQUAL(5, preview(kTuesday)->total);
    LONGS_EQUAL(0, preview(kTuesday)->promotions[0].awarded);
    LONGS_EQUAL(5, totalOf(*decide(kTuesday)));
}

TEST(EarnCalculator, activatedOfferIsRecordedAsItsOwnEvent) {
    member.activeOffers = {"birthday-treat"};
    const auto b = preview();
    LONGS_EQUAL(1, static_cast<long>(b->offers.size()));
    LONGS_EQUAL(100, b->offers[0].points);
    LONGS_EQUAL(112, b->total);
    const auto d = decide();
    LONGS_EQUAL(2, static_cast<long>(d->events.size()));
    LONGS_EQUAL(12, d->events[0].pointsDelta);
    CHECK(d->events[0].offerId.empty());
    const EventDraft& offer = d->events[1];
    CHECK(offer.type == EventType::Earn);
    STRCMP_EQUAL("birthday-treat", offer.offerId.c_str());
    LONGS_EQUAL(100, offer.pointsDelta);
    LONGS_EQUAL(0, offer.purchaseAmount);
    STRCMP_EQUAL("card-1", offer.cardId.c_str());
    STRCMP_EQUAL("Birthday treat on purchase 12.34: +100 pts", offer.reason.c_str());
}

TEST(EarnCalculator, offerMultiplierAddsOnTheBaseLikeAPromotion) {
    makeTier(2000);
    member.activeOffers = {"welcome-back", "birthday-treat"};
    const auto b = preview(kTuesday);
    LONGS_EQUAL(24, b->offers[0].points);  // 12 * (3 - 1)
    LONGS_EQUAL(12 + 6 + 12 + 24 + 100, b->total);
    const auto d = decide(kTuesday);
    LONGS_EQUAL(3, static_cast<long>(d->events.size()));
    STRCMP_EQUAL("Welcome back x3 on purchase 12.34: +24 pts", d->events[1].reason.c_str());
    STRCMP_EQUAL("birthday-treat", d->events[2].offerId.c_str());
    LONGS_EQUAL(b->total, totalOf(*d));
}

TEST(EarnCalculator, offersOutsideTheirDatesUnknownOrRepeatedAreNotUsed) {
    program.offers[1].validUntil = Date{2025, 3, 9};
    member.activeOffers = {"welcome-back", "withdrawn-offer", "birthday-treat", "birthday-treat"};
    const auto b = preview();
    LONGS_EQUAL(1, static_cast<long>(b->offers.size()));
    STRCMP_EQUAL("birthday-treat", b->offers[0].id.c_str());
    LONGS_EQUAL(2, static_cast<long>(decide()->events.size()));
    program.offers[1].validUntil = Date{2025, 3, 10};  // inclusive
    LONGS_EQUAL(2, static_cast<long>(preview()->offers.size()));
}

TEST(EarnCalculator, offerWithNothingToAddIsNotUsed) {
    member.activeOffers = {"welcome-back"};
    request.amount = 99;  // base 0: triple of nothing
    const auto b = preview();
    CHECK(b->offers.empty());
    CHECK(decide()->events.empty());
}

TEST(EarnCalculator, offerBonusOnAPurchaseWithoutBasePoints) {
    member.activeOffers = {"birthday-treat"};
    request.amount = 50;
    const auto d = decide();
    LONGS_EQUAL(2, static_cast<long>(d->events.size()));
    LONGS_EQUAL(0, d->events[0].pointsDelta);
    LONGS_EQUAL(50, d->events[0].purchaseAmount);
    LONGS_EQUAL(100, d->events[1].pointsDelta);
}

TEST(EarnCalculator, capTrimsOffersFirstAndAnOfferCappedAwayStaysActivated) {
    member.activeOffers = {"welcome-back", "birthday-treat"};
    program.earn.maxPointsPerTransaction = 20;  // purchase 12, welcome back 24, birthday 100
    const auto b = preview();
    LONGS_EQUAL(8, b->offers[0].awarded);
    LONGS_EQUAL(0, b->offers[1].awarded);
    const auto d = decide();
    LONGS_EQUAL(2, static_cast<long>(d->events.size()));  // no event for the birthday treat
    LONGS_EQUAL(12, d->events[0].pointsDelta);
    LONGS_EQUAL(8, d->events[1].pointsDelta);
    STRCMP_EQUAL("Welcome back x3 on purchase 12.34: +8 pts (limit of 20 pts per purchase)",
                 d->events[1].reason.c_str());
    LONGS_EQUAL(20, totalOf(*d));
}

TEST(EarnCalculator, previewAndDecideAgree) {
    makeTier(600);
    member.activeOffers = {"birthday-treat"};
    request.lines = {PurchaseLine{"coffee", 450}};
    for (const Instant& now : {kMonday, kTuesday}) {
        LONGS_EQUAL(preview(now)->total, totalOf(*decide(now)));
    }
}
