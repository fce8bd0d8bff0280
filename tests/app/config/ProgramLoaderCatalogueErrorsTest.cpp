// ProgramLoader validation, part 2: promotions, rewards, offers and stamp
// cards — kinds, weekdays, dates, duplicate ids and references to tiers.
// Every refusal asserts the exact message, line and column. The snippets are
// appended to kMinimal (15 lines), so their first line is line 16.
#include <string>

#include "app/config/ProgramTestText.h"
#include "config/ProgramLoader.h"

#include <CppUTest/TestHarness.h>

using config::ProgramLoader;
using namespace programtest;

namespace {

// Lines 16-20 when appended to kMinimal.
std::string reward(const std::string& id, const std::string& extra = "") {
    return "[[rewards]]\nid = \"" + id + "\"\nname = \"A reward\"\ncost = 150\nkind = \"physical\"\n" + extra;
}

// Lines 16-20 when appended to kMinimal.
std::string promotion(const std::string& id, const std::string& extra = "") {
    return "[[promotions]]\nid = \"" + id + "\"\nname = \"Double\"\nkind = \"multiplier\"\nmultiplier_percent = 200\n" +
           extra;
}

// Lines 16-19 when appended to kMinimal.
std::string offer(const std::string& id, const std::string& extra = "") {
    return "[[offers]]\nid = \"" + id + "\"\nname = \"An offer\"\nbonus_points = 100\n" + extra;
}

// Lines 16-21 when appended to kMinimal.
std::string stampCard(const std::string& id, const std::string& extra = "") {
    return "[[stamp_cards]]\nid = \"" + id +
           "\"\nfamily = \"coffee\"\nname = \"Coffee card\"\nstamps_required = 9\nreward_name = \"A coffee\"\n" + extra;
}

}  // namespace

TEST_GROUP(ProgramLoaderCatalogueErrors){};

// --- what is accepted -------------------------------------------------------------

TEST(ProgramLoaderCatalogueErrors, theSnippetsThemselvesAreValid) {
    auto result = ProgramLoader::loadString(kMinimal + reward("a") + promotion("b") + offer("c") + stampCard("d"),
                                            "program.toml");
    CHECK_TRUE(result.hasValue());
    LONGS_EQUAL(1, result->rewards.size());
    LONGS_EQUAL(1, result->promotions.size());
    LONGS_EQUAL(1, result->offers.size());
    LONGS_EQUAL(1, result->stampCards.size());
}

TEST(ProgramLoaderCatalogueErrors, theSameIdInDifferentCataloguesIsAllowed) {
    auto result = ProgramLoader::loadString(kMinimal + reward("coffee") + stampCard("coffee"), "program.toml");
    CHECK_TRUE(result.hasValue());
    STRCMP_EQUAL("coffee", result->rewards[0].id.c_str());
    STRCMP_EQUAL("coffee", result->stampCards[0].id.c_str());
}

TEST(ProgramLoaderCatalogueErrors, tiersMayBeDefinedAfterTheRewardsThatNameThem) {
    auto result = ProgramLoader::loadString(kHeader + reward("lounge", "minimum_tier = \"gold\"\n") + kBronze +
                                                "[[tiers]]\nid = \"gold\"\nname = \"Gold\"\nthreshold = 2000\n",
                                            "program.toml");
    CHECK_TRUE(result.hasValue());
    STRCMP_EQUAL("gold", result->rewards[0].minimumTier.c_str());
}

TEST(ProgramLoaderCatalogueErrors, inlineTablesAreAcceptedLikeHeaders) {
    auto result = ProgramLoader::loadString(
        "rewards = [{ id = \"coffee\", name = \"Coffee\", cost = 150, kind = \"digital\" }]\n" + kMinimal,
        "program.toml");
    CHECK_TRUE(result.hasValue());
    CHECK(result->rewards[0].kind == loyalty::Reward::Kind::Digital);
}

// --- promotions ---------------------------------------------------------------------

TEST(ProgramLoaderCatalogueErrors, unknownPromotionKindSuggestsTheClosest) {
    CHECK_LOAD_ERROR(kMinimal + "[[promotions]]\nid = \"p\"\nname = \"P\"\nkind = \"multiplyer\"\n", 19, 8,
                     "promotions[0].kind: \"multiplyer\" is not a promotion kind; did you mean 'multiplier'?; expected "
                     "\"multiplier\" or \"bonus\"");
}

TEST(ProgramLoaderCatalogueErrors, multiplierPromotionNeedsItsPercentage) {
    CHECK_LOAD_ERROR(kMinimal + "[[promotions]]\nid = \"p\"\nname = \"P\"\nkind = \"multiplier\"\n", 16, 1,
                     "promotions[0].multiplier_percent: required when kind = \"multiplier\" (200 = double points)");
}

TEST(ProgramLoaderCatalogueErrors, bonusPromotionNeedsItsPoints) {
    CHECK_LOAD_ERROR(kMinimal + "[[promotions]]\nid = \"p\"\nname = \"P\"\nkind = \"bonus\"\n", 16, 1,
                     "promotions[0].bonus_points: required when kind = \"bonus\" (points added to the purchase)");
}

TEST(ProgramLoaderCatalogueErrors, bonusPointsOnAMultiplierPromotionAreRefused) {
    CHECK_LOAD_ERROR(kMinimal + promotion("p", "bonus_points = 50\n"), 21, 16,
                     "promotions[0].bonus_points: only applies when kind = \"bonus\"");
}

TEST(ProgramLoaderCatalogueErrors, negativePromotionBonusIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + "[[promotions]]\nid = \"p\"\nname = \"P\"\nkind = \"bonus\"\nbonus_points = -50\n", 20,
                     16, "promotions[0].bonus_points: must be at least 1 (got -50)");
}

TEST(ProgramLoaderCatalogueErrors, promotionMultiplierOutOfRange) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal + promotion("p"), 20, "multiplier_percent = 2\n"), 20, 22,
                     "promotions[0].multiplier_percent: must be between 100 and 1000 (got 2); multipliers are whole "
                     "percentages: 100 = x1, 125 = x1.25, 200 = x2");
}

TEST(ProgramLoaderCatalogueErrors, duplicatePromotionIdIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + promotion("double") + promotion("double"), 22, 6,
                     "promotions[1].id: \"double\" is already used by promotions[0]");
}

// --- weekdays -------------------------------------------------------------------------

TEST(ProgramLoaderCatalogueErrors, misspeltWeekdaySuggestsTheRightOne) {
    CHECK_LOAD_ERROR(kMinimal + promotion("p", "weekdays = [\"mon\", \"tues\"]\n"), 21, 20,
                     "promotions[0].weekdays[1]: \"tues\" is not a day; did you mean 'tue'?; use mon, tue, wed, thu, "
                     "fri, sat or sun");
}

TEST(ProgramLoaderCatalogueErrors, fullWeekdayNameSuggestsTheShortOne) {
    CHECK_LOAD_ERROR(kMinimal + promotion("p", "weekdays = [\"Thursday\"]\n"), 21, 13,
                     "promotions[0].weekdays[0]: \"Thursday\" is not a day; did you mean 'thu'?; use mon, tue, wed, "
                     "thu, fri, sat or sun");
}

TEST(ProgramLoaderCatalogueErrors, weekdayListedTwiceIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + promotion("p", "weekdays = [\"sat\", \"sun\", \"sat\"]\n"), 21, 27,
                     "promotions[0].weekdays[2]: \"sat\" is listed twice");
}

TEST(ProgramLoaderCatalogueErrors, emptyWeekdayListIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + promotion("p", "weekdays = []\n"), 21, 12,
                     "promotions[0].weekdays: must list at least one day; leave the key out to mean every day");
}

TEST(ProgramLoaderCatalogueErrors, singleWeekdayWithoutListIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + promotion("p", "weekdays = \"tue\"\n"), 21, 12,
                     "promotions[0].weekdays: expected a list of days such as [\"tue\", \"sat\"], found a string "
                     "(\"tue\"); write a list even for one day: [\"tue\"]");
}

TEST(ProgramLoaderCatalogueErrors, weekdayNumbersAreRefused) {
    CHECK_LOAD_ERROR(kMinimal + promotion("p", "weekdays = [2]\n"), 21, 13,
                     "promotions[0].weekdays[0]: expected a day such as \"tue\", found an integer (2)");
}

TEST(ProgramLoaderCatalogueErrors, weekdaysBecomeAMaskWithSundayAsBitZero) {
    auto result = ProgramLoader::loadString(kMinimal + promotion("p", "weekdays = [\"sun\", \"mon\", \"sat\"]\n"),
                                            "program.toml");
    CHECK_TRUE(result.hasValue());
    LONGS_EQUAL(0x43, result->promotions[0].weekdays);
}

// --- dates ----------------------------------------------------------------------------

TEST(ProgramLoaderCatalogueErrors, quotedDateIsRefusedWithAHint) {
    CHECK_LOAD_ERROR(kMinimal + promotion("p", "valid_from = \"2026-01-31\"\n"), 21, 14,
                     "promotions[0].valid_from: expected a date such as 2026-01-31, found a string (\"2026-01-31\"); "
                     "write dates without quotes");
}

TEST(ProgramLoaderCatalogueErrors, dateWithTimeIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + reward("r", "valid_until = 2026-01-31T18:00:00\n"), 21, 15,
                     "rewards[0].valid_until: expected a date such as 2026-01-31, found a date-time; give the day "
                     "only, without a time of day");
}

TEST(ProgramLoaderCatalogueErrors, validityEndingBeforeItStartsIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + offer("o", "valid_from = 2026-03-01\nvalid_until = 2026-01-01\n"), 21, 15,
                     "offers[0].valid_until: 2026-01-01 is before valid_from (2026-03-01)");
}

TEST(ProgramLoaderCatalogueErrors, oneDayValidityIsAccepted) {
    auto result = ProgramLoader::loadString(
        kMinimal + offer("o", "valid_from = 2026-03-01\nvalid_until = 2026-03-01\n"), "program.toml");
    CHECK_TRUE(result.hasValue());
    CHECK(result->offers[0].validFrom == result->offers[0].validUntil);
    CHECK(result->offers[0].validFrom == (loyalty::Date{2026, 3, 1}));
}

// --- rewards -----------------------------------------------------------------------------

TEST(ProgramLoaderCatalogueErrors, misspeltRewardKindSuggestsTheRightOne) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal + reward("r"), 20, "kind = \"phisical\"\n"), 20, 8,
                     "rewards[0].kind: \"phisical\" is not a reward kind; did you mean 'physical'?; expected "
                     "\"physical\" or \"digital\"");
}

TEST(ProgramLoaderCatalogueErrors, rewardKindIsRequired) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal + reward("r"), 20, ""), 16, 1,
                     "rewards[0].kind: required key is missing; expected \"physical\" or \"digital\"");
}

TEST(ProgramLoaderCatalogueErrors, negativeRewardCostIsRefused) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal + reward("r"), 19, "cost = -150\n"), 19, 8,
                     "rewards[0].cost: must be at least 1 (got -150)");
}

TEST(ProgramLoaderCatalogueErrors, rewardLimitBeyondInt32IsRefused) {
    CHECK_LOAD_ERROR(kMinimal + reward("r", "per_member_limit = 3000000000\n"), 21, 20,
                     "rewards[0].per_member_limit: 3000000000 is too large: the largest allowed here is 2147483647; "
                     "0 means unlimited");
}

TEST(ProgramLoaderCatalogueErrors, negativeRewardTotalLimitIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + reward("r", "total_limit = -1\n"), 21, 15,
                     "rewards[0].total_limit: must not be negative (got -1); 0 means unlimited");
}

TEST(ProgramLoaderCatalogueErrors, rewardForAnUndefinedTierIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + reward("r", "minimum_tier = \"platinum\"\n"), 21, 16,
                     "rewards[0].minimum_tier: \"platinum\" is not a defined tier; the tiers are bronze");
}

TEST(ProgramLoaderCatalogueErrors, misspeltTierReferenceSuggestsTheTier) {
    CHECK_LOAD_ERROR(kMinimal + "[[tiers]]\nid = \"silver\"\nname = \"Silver\"\nthreshold = 500\n" +
                         reward("r", "minimum_tier = \"silvr\"\n"),
                     25, 16,
                     "rewards[0].minimum_tier: \"silvr\" is not a defined tier; did you mean 'silver'?; the tiers are "
                     "bronze and silver");
}

TEST(ProgramLoaderCatalogueErrors, duplicateRewardIdIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + reward("free-coffee") + reward("free-coffee"), 22, 6,
                     "rewards[1].id: \"free-coffee\" is already used by rewards[0]");
}

TEST(ProgramLoaderCatalogueErrors, rewardIdWithSpacesIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + reward("Free Coffee"), 17, 6,
                     "rewards[0].id: \"Free Coffee\" is not a valid id; use 1 to 64 lowercase letters, digits, '-' or "
                     "'_' (such as \"free-coffee\")");
}

// --- offers ---------------------------------------------------------------------------------

TEST(ProgramLoaderCatalogueErrors, offerForAnUndefinedTierIsRefusedAtTheListEntry) {
    CHECK_LOAD_ERROR(kMinimal + offer("o", "tiers = [\"bronze\", \"gold\"]\n"), 20, 20,
                     "offers[0].tiers[1]: \"gold\" is not a defined tier; the tiers are bronze");
}

TEST(ProgramLoaderCatalogueErrors, offerTierGivenAsTextInsteadOfListIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + offer("o", "tiers = \"bronze\"\n"), 20, 9,
                     "offers[0].tiers: expected a list of strings such as [\"a\", \"b\"], found a string "
                     "(\"bronze\"); write a list even for one entry: [\"...\"]");
}

TEST(ProgramLoaderCatalogueErrors, offerSegmentListedTwiceIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + offer("o", "segments = [\"students\", \"students\"]\n"), 20, 25,
                     "offers[0].segments[1]: \"students\" is listed twice");
}

TEST(ProgramLoaderCatalogueErrors, offerThatGivesNothingIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + "[[offers]]\nid = \"o\"\nname = \"Nothing\"\nbirthday_month = true\n", 16, 1,
                     "offers[0]: the offer gives nothing; set bonus_points above 0 or multiplier_percent above 100");
}

TEST(ProgramLoaderCatalogueErrors, offerBirthdayMonthMustBeABoolean) {
    CHECK_LOAD_ERROR(kMinimal + offer("o", "birthday_month = \"yes\"\n"), 20, 18,
                     "offers[0].birthday_month: expected true or false, found a string (\"yes\")");
}

TEST(ProgramLoaderCatalogueErrors, negativeLapsedDaysAreRefused) {
    CHECK_LOAD_ERROR(kMinimal + offer("o", "lapsed_days = -60\n"), 20, 15,
                     "offers[0].lapsed_days: must not be negative (got -60)");
}

TEST(ProgramLoaderCatalogueErrors, offerNewMemberDaysBeyondInt32AreRefused) {
    CHECK_LOAD_ERROR(kMinimal + offer("o", "new_member_days = 2147483648\n"), 20, 19,
                     "offers[0].new_member_days: 2147483648 is too large: the largest allowed here is 2147483647");
}

TEST(ProgramLoaderCatalogueErrors, offerPerMemberLimitOfZeroIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + offer("o", "per_member_limit = 0\n"), 20, 20,
                     "offers[0].per_member_limit: must be at least 1 (got 0); times a member may activate the offer");
}

TEST(ProgramLoaderCatalogueErrors, duplicateOfferIdIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + offer("win-back") + offer("win-back"), 21, 6,
                     "offers[1].id: \"win-back\" is already used by offers[0]");
}

TEST(ProgramLoaderCatalogueErrors, misspeltOfferKeySuggestsTheKnownOne) {
    CHECK_LOAD_ERROR(kMinimal + "[[offers]]\nid = \"o\"\nname = \"O\"\nbonus_point = 100\n", 19, 1,
                     "offers[0].bonus_point: unknown key; did you mean 'bonus_points'?");
}

// --- stamp cards ------------------------------------------------------------------------------

TEST(ProgramLoaderCatalogueErrors, stampCardNeedingNoStampsIsRefused) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal + stampCard("s"), 20, "stamps_required = 0\n"), 20, 19,
                     "stamp_cards[0].stamps_required: must be at least 1 (got 0); purchases needed before the free "
                     "one");
}

TEST(ProgramLoaderCatalogueErrors, stampCardWithoutRewardNameIsRefused) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal + stampCard("s"), 21, ""), 16, 1,
                     "stamp_cards[0].reward_name: required key is missing; expected a string in quotes");
}

TEST(ProgramLoaderCatalogueErrors, duplicateStampCardIdIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + stampCard("coffee-card") + stampCard("coffee-card"), 23, 6,
                     "stamp_cards[1].id: \"coffee-card\" is already used by stamp_cards[0]");
}
