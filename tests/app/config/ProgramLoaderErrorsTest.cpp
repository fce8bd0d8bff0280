// ProgramLoader validation, part 1: unknown keys, types, missing keys, ranges,
// the [program], [earn], tier, expiry, offline and velocity tables. Every
// test asserts the exact message, line and column of the refusal.
// Line numbers: see ProgramTestText.h (kMinimal is 15 lines).
#include <string>

#include "app/config/ProgramTestText.h"
#include "config/ProgramLoader.h"

#include <CppUTest/TestHarness.h>

using namespace programtest;

namespace {

std::string tier(const std::string& id, const std::string& threshold, const std::string& extra = "") {
    return "[[tiers]]\nid = \"" + id + "\"\nname = \"" + id + "\"\nthreshold = " + threshold + "\n" + extra;
}

}  // namespace

TEST_GROUP(ProgramLoaderErrors){};

// --- unknown keys ---------------------------------------------------------------

TEST(ProgramLoaderErrors, misspeltKeyIsRefusedWithTheKnownOneSuggested) {
    // The unknown key is reported rather than the "missing threshold" it causes.
    CHECK_LOAD_ERROR(kHeader + "[[tiers]]\nid = \"bronze\"\nname = \"Bronze\"\ntreshold = 0\n", 15, 1,
                     "tiers[0].treshold: unknown key; did you mean 'threshold'?");
}

TEST(ProgramLoaderErrors, unknownKeyWithoutCloseMatchListsTheKnownKeys) {
    CHECK_LOAD_ERROR(kMinimal + "colour = \"bronze\"\n", 16, 1,
                     "tiers[0].colour: unknown key; expected one of id, name, names, threshold or multiplier_percent");
}

TEST(ProgramLoaderErrors, unknownTableIsRefusedWithSuggestion) {
    CHECK_LOAD_ERROR(kMinimal + "[reward]\nid = \"x\"\n", 16, 2, "reward: unknown table; did you mean 'rewards'?");
}

TEST(ProgramLoaderErrors, multiplierKeyPointsToThePercentKey) {
    CHECK_LOAD_ERROR(kMinimal + "multiplier = 1.5\n", 16, 1,
                     "tiers[0].multiplier: unknown key; did you mean 'multiplier_percent'?");
}

TEST(ProgramLoaderErrors, hyphensForUnderscoresAreSuggestedTheRightSpelling) {
    CHECK_LOAD_ERROR(kMinimal + "[velocity]\nmax-transactions-per-card-per-day = 10\n", 17, 1,
                     "velocity.max-transactions-per-card-per-day: unknown key; did you mean "
                     "'max_transactions_per_card_per_day'?");
}

TEST(ProgramLoaderErrors, unknownKeyInProgramTable) {
    CHECK_LOAD_ERROR(insertAfterLine(kMinimal, 3, "langauge = \"en\"\n"), 4, 1,
                     "program.langauge: unknown key; expected one of name, names or currency");
}

TEST(ProgramLoaderErrors, unknownKeyInExpiryTable) {
    CHECK_LOAD_ERROR(kMinimal + "[expiry]\nmonth = 24\n", 17, 1, "expiry.month: unknown key; did you mean 'months'?");
}

TEST(ProgramLoaderErrors, unknownKeyInOfflineTable) {
    CHECK_LOAD_ERROR(insertAfterLine(kMinimal, 11, "low_assurance_may_redem = true\n"), 12, 1,
                     "offline.low_assurance_may_redem: unknown key; did you mean 'low_assurance_may_redeem'?");
}

TEST(ProgramLoaderErrors, theFirstOfSeveralUnknownKeysIsReported) {
    CHECK_LOAD_ERROR(kMinimal + "[expiry]\nmonth = 24\nwarn_day = 30\n", 17, 1,
                     "expiry.month: unknown key; did you mean 'months'?");
}

// --- structure and types ----------------------------------------------------------

TEST(ProgramLoaderErrors, numberInQuotesIsAWrongType) {
    CHECK_LOAD_ERROR(
        kHeader + tier("bronze", "\"0\""), 15, 13,
        "tiers[0].threshold: expected a whole number, found a string (\"0\"); write numbers without quotes");
}

TEST(ProgramLoaderErrors, floatForPointsIsAWrongType) {
    CHECK_LOAD_ERROR(kHeader + tier("bronze", "0.0"), 15, 13,
                     "tiers[0].threshold: expected a whole number, found a floating-point number (0); write it "
                     "without a decimal point");
}

TEST(ProgramLoaderErrors, fractionalMultiplierExplainsPercentages) {
    CHECK_LOAD_ERROR(kMinimal + "multiplier_percent = 1.5\n", 16, 22,
                     "tiers[0].multiplier_percent: expected a whole number, found a floating-point number (1.5); "
                     "multipliers are whole percentages: 100 = x1, 125 = x1.25, 200 = x2");
}

TEST(ProgramLoaderErrors, numberForTextIsAWrongType) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal, 14, "name = 5\n"), 14, 8,
                     "tiers[0].name: expected a string in quotes, found an integer (5)");
}

TEST(ProgramLoaderErrors, quotedBooleanIsAWrongType) {
    CHECK_LOAD_ERROR(insertAfterLine(kMinimal, 11, "low_assurance_may_redeem = \"false\"\n"), 12, 28,
                     "offline.low_assurance_may_redeem: expected true or false, found a string (\"false\"); write "
                     "true or false without quotes");
}

TEST(ProgramLoaderErrors, arrayOfTablesWhereOneTableIsExpected) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal, 4, "[[earn]]\n"), 4, 1,
                     "earn: expected a [earn] table, found a list; write [earn], not [[earn]]");
}

TEST(ProgramLoaderErrors, singleTableWhereTiersAreExpected) {
    CHECK_LOAD_ERROR(kHeader + "[tiers]\nid = \"bronze\"\n", 12, 1,
                     "tiers: expected [[tiers]] tables, found a table; start each entry with its own [[tiers]] header");
}

TEST(ProgramLoaderErrors, tierThatIsNotATableIsRefused) {
    CHECK_LOAD_ERROR("tiers = [\"bronze\"]\n" + kHeader, 1, 10,
                     "tiers[0]: expected a table, found a string (\"bronze\")");
}

// --- missing keys --------------------------------------------------------------------

TEST(ProgramLoaderErrors, missingProgramTable) {
    CHECK_LOAD_ERROR(kMinimal.substr(kMinimal.find("[earn]")), 1, 1,
                     "program: required table is missing; add a [program] table");
}

TEST(ProgramLoaderErrors, missingTiers) {
    CHECK_LOAD_ERROR(kHeader, 1, 1, "tiers: required table is missing; add [[tiers]] tables");
}

TEST(ProgramLoaderErrors, missingOfflineTableIsRequired) {
    const std::string text = kMinimal.substr(0, kMinimal.find("[offline]")) + kBronze;
    CHECK_LOAD_ERROR(text, 1, 1, "offline: required table is missing; add a [offline] table");
}

TEST(ProgramLoaderErrors, missingKeyIsReportedAtItsTable) {
    CHECK_LOAD_ERROR(kHeader + "[[tiers]]\nid = \"bronze\"\nname = \"Bronze\"\n", 12, 1,
                     "tiers[0].threshold: required key is missing; expected a whole number");
}

TEST(ProgramLoaderErrors, missingOfflineLimit) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal, 11, ""), 7, 1,
                     "offline.max_offline_hours: required key is missing; expected a whole number");
}

TEST(ProgramLoaderErrors, missingEarnAmount) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal, 5, ""), 4, 1,
                     "earn.amount_per_step: required key is missing; expected an amount written as a string such as "
                     "\"5.00\"");
}

TEST(ProgramLoaderErrors, missingCurrency) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal, 3, ""), 1, 1,
                     "program.currency: required key is missing; expected a string in quotes");
}

// --- [program] ----------------------------------------------------------------------------

TEST(ProgramLoaderErrors, currencyMustBeAnIsoCode) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal, 3, "currency = \"eur\"\n"), 3, 12,
                     "program.currency: \"eur\" is not an ISO 4217 currency code; use three capital letters such as "
                     "\"EUR\"");
}

TEST(ProgramLoaderErrors, blankNameIsRefused) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal, 2, "name = \"  \"\n"), 2, 8, "program.name: must not be empty");
}

// --- [earn] and amounts -----------------------------------------------------------------

TEST(ProgramLoaderErrors, amountAsFloatIsRefused) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal, 5, "amount_per_step = 1.00\n"), 5, 19,
                     "earn.amount_per_step: expected an amount written as a string such as \"5.00\", found a "
                     "floating-point number (1); amounts are exact decimal strings, never bare numbers");
}

TEST(ProgramLoaderErrors, amountWithTooManyDecimalsIsRefused) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal, 5, "amount_per_step = \"1.005\"\n"), 5, 19,
                     "earn.amount_per_step: \"1.005\" has more than 2 decimal places");
}

TEST(ProgramLoaderErrors, amountWithThousandsSeparatorIsRefused) {
    CHECK_LOAD_ERROR(insertAfterLine(kMinimal, 6, "max_purchase_amount = \"5,000.00\"\n"), 7, 23,
                     "earn.max_purchase_amount: \"5,000.00\" is not an amount; write digits with an optional decimal "
                     "point, such as \"5.00\"");
}

TEST(ProgramLoaderErrors, zeroAmountPerStepIsRefused) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal, 5, "amount_per_step = \"0.00\"\n"), 5, 19,
                     "earn.amount_per_step: must be at least 0.01 (got 0.00)");
}

TEST(ProgramLoaderErrors, negativeAmountIsRefused) {
    CHECK_LOAD_ERROR(insertAfterLine(kMinimal, 6, "max_purchase_amount = \"-5.00\"\n"), 7, 23,
                     "earn.max_purchase_amount: must not be negative (got -5.00)");
}

TEST(ProgramLoaderErrors, amountBeyondSixtyFourBitsIsRefused) {
    CHECK_LOAD_ERROR(insertAfterLine(kMinimal, 6, "max_purchase_amount = \"99999999999999999.00\"\n"), 7, 23,
                     "earn.max_purchase_amount: \"99999999999999999.00\" is too large");
}

TEST(ProgramLoaderErrors, minimumPurchaseAboveMaximumIsRefused) {
    CHECK_LOAD_ERROR(insertAfterLine(kMinimal, 6, "minimum_purchase = \"10.00\"\nmax_purchase_amount = \"5.00\"\n"), 7,
                     20, "earn.minimum_purchase: 10.00 is above max_purchase_amount (5.00)");
}

TEST(ProgramLoaderErrors, negativePointCapIsRefused) {
    CHECK_LOAD_ERROR(insertAfterLine(kMinimal, 6, "max_points_per_transaction = -1\n"), 7, 30,
                     "earn.max_points_per_transaction: must not be negative (got -1); 0 means no cap");
}

TEST(ProgramLoaderErrors, zeroPointsPerStepIsRefused) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal, 6, "points_per_step = 0\n"), 6, 19,
                     "earn.points_per_step: must be at least 1 (got 0)");
}

// --- tiers ---------------------------------------------------------------------------------

TEST(ProgramLoaderErrors, noTierAtAllIsRefused) {
    CHECK_LOAD_ERROR("tiers = []\n" + kHeader, 1, 9, "tiers: at least one tier is required");
}

TEST(ProgramLoaderErrors, firstTierMustStartAtZero) {
    CHECK_LOAD_ERROR(kHeader + tier("bronze", "100"), 15, 13,
                     "tiers[0].threshold: the first tier must start at 0 (got 100); every member begins there");
}

TEST(ProgramLoaderErrors, overlappingTiersAreRefused) {
    // Lines 12-15 bronze, 16-19 silver, 20-23 gold with silver's threshold.
    CHECK_LOAD_ERROR(kHeader + tier("bronze", "0") + tier("silver", "500") + tier("gold", "500"), 23, 13,
                     "tiers[2].threshold: must be greater than tiers[1] (500)");
}

TEST(ProgramLoaderErrors, fallingTiersAreRefused) {
    CHECK_LOAD_ERROR(kHeader + tier("bronze", "0") + tier("gold", "2000") + tier("silver", "500"), 23, 13,
                     "tiers[2].threshold: must be greater than tiers[1] (2000)");
}

TEST(ProgramLoaderErrors, duplicateTierIdIsRefused) {
    CHECK_LOAD_ERROR(kHeader + tier("bronze", "0") + tier("bronze", "500"), 17, 6,
                     "tiers[1].id: \"bronze\" is already used by tiers[0]");
}

TEST(ProgramLoaderErrors, tierMultiplierBelowOneIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + "multiplier_percent = 50\n", 16, 22,
                     "tiers[0].multiplier_percent: must be between 100 and 1000 (got 50); multipliers are whole "
                     "percentages: 100 = x1, 125 = x1.25, 200 = x2");
}

TEST(ProgramLoaderErrors, tierMultiplierAboveTenTimesIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + "multiplier_percent = 1500\n", 16, 22,
                     "tiers[0].multiplier_percent: must be between 100 and 1000 (got 1500); multipliers are whole "
                     "percentages: 100 = x1, 125 = x1.25, 200 = x2");
}

TEST(ProgramLoaderErrors, tierIdMustBeAnIdentifier) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal, 13, "id = \"Bronze Tier\"\n"), 13, 6,
                     "tiers[0].id: \"Bronze Tier\" is not a valid id; use 1 to 64 lowercase letters, digits, '-' or "
                     "'_' (such as \"free-coffee\")");
}

TEST(ProgramLoaderErrors, qualificationWindowOutOfRange) {
    CHECK_LOAD_ERROR(kMinimal + "[tier_policy]\nqualification_months = 0\n", 17, 24,
                     "tier_policy.qualification_months: must be at least 1 (got 0)");
}

// --- expiry, offline, velocity ----------------------------------------------------------------

TEST(ProgramLoaderErrors, qualificationWindowBeyondTenYears) {
    CHECK_LOAD_ERROR(kMinimal + "[tier_policy]\nqualification_months = 121\n", 17, 24,
                     "tier_policy.qualification_months: must be at most 120 (got 121)");
}

TEST(ProgramLoaderErrors, negativeExpiryIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + "[expiry]\nmonths = -1\n", 17, 10,
                     "expiry.months: must not be negative (got -1); 0 means points never expire");
}

TEST(ProgramLoaderErrors, expiryWarningBeyondAYearIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + "[expiry]\nmonths = 24\nwarn_days = 400\n", 18, 13,
                     "expiry.warn_days: must be at most 366 (got 400)");
}

TEST(ProgramLoaderErrors, negativeOfflineLimitIsRefused) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal, 8, "max_redeem_per_transaction = -600\n"), 8, 30,
                     "offline.max_redeem_per_transaction: must not be negative (got -600)");
}

TEST(ProgramLoaderErrors, offlineCountBeyondInt32IsRefused) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal, 9, "max_consecutive_redemptions_per_card = 4294967296\n"), 9, 40,
                     "offline.max_consecutive_redemptions_per_card: 4294967296 is too large: the largest allowed "
                     "here is 2147483647");
}

TEST(ProgramLoaderErrors, offlineHoursBeyondAYearAreRefused) {
    CHECK_LOAD_ERROR(replaceLine(kMinimal, 11, "max_offline_hours = 10000\n"), 11, 21,
                     "offline.max_offline_hours: must be at most 8784 (got 10000)");
}

TEST(ProgramLoaderErrors, negativeVelocityLimitIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + "[velocity]\nmax_transactions_per_card_per_day = -3\n", 17, 37,
                     "velocity.max_transactions_per_card_per_day: must not be negative (got -3); 0 means no limit");
}
