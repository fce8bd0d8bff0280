#include <cstdint>
#include <limits>

#include "loyalty/Types.h"
#include "app/loyalty/ProgramFixture.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;
using loyalty::test::at;

namespace {

void checkDate(const Date& expected, const Date& actual) {
    LONGS_EQUAL(expected.year, actual.year);
    UNSIGNED_LONGS_EQUAL(expected.month, actual.month);
    UNSIGNED_LONGS_EQUAL(expected.day, actual.day);
}

constexpr std::int64_t kDay = 86400;

}  // namespace

TEST_GROUP(Types){};

TEST(Types, epochIsThursdayFirstJanuary1970) {
    checkDate(Date{1970, 1, 1}, localDate(Instant{0, 0}));
    CHECK(Weekday::Thursday == localWeekday(Instant{0, 0}));
    LONGS_EQUAL(0, localMinuteOfDay(Instant{0, 0}));
}

TEST(Types, lastSecondOfADayIsStillThatDay) {
    checkDate(Date{1970, 1, 1}, localDate(Instant{kDay - 1, 0}));
    LONGS_EQUAL(1439, localMinuteOfDay(Instant{kDay - 1, 0}));
    checkDate(Date{1970, 1, 2}, localDate(Instant{kDay, 0}));
    LONGS_EQUAL(0, localMinuteOfDay(Instant{kDay, 0}));
}

TEST(Types, negativeSecondsFloorToThePreviousDay) {
    checkDate(Date{1969, 12, 31}, localDate(Instant{-1, 0}));
    LONGS_EQUAL(1439, localMinuteOfDay(Instant{-1, 0}));
    CHECK(Weekday::Wednesday == localWeekday(Instant{-1, 0}));
    checkDate(Date{1969, 12, 31}, localDate(Instant{-kDay, 0}));
    checkDate(Date{1969, 12, 30}, localDate(Instant{-kDay - 1, 0}));
}

TEST(Types, utcOffsetMovesTheLocalDay) {
    // 23:30 UTC on 1970-01-01 is 01:30 on the 2nd at UTC+2.
    const Instant late{kDay - 1800, 7200};
    checkDate(Date{1970, 1, 2}, localDate(late));
    LONGS_EQUAL(90, localMinuteOfDay(late));
    CHECK(Weekday::Friday == localWeekday(late));
    // 00:30 UTC on the 1st is 19:30 on 31 December at UTC-5.
    const Instant early{1800, -5 * 3600};
    checkDate(Date{1969, 12, 31}, localDate(early));
    LONGS_EQUAL(19 * 60 + 30, localMinuteOfDay(early));
}

TEST(Types, fixtureInstantRoundTripsLocalDateAndTime) {
    const Instant instant = at(2025, 3, 11, 9, 15, 3600);
    checkDate(Date{2025, 3, 11}, localDate(instant));
    LONGS_EQUAL(9 * 60 + 15, localMinuteOfDay(instant));
    CHECK(Weekday::Tuesday == localWeekday(instant));
}

TEST(Types, weekdaysOfAKnownWeek) {
    // 2024-06-09 was a Sunday.
    for (unsigned i = 0; i < 7; ++i) {
        CHECK(static_cast<Weekday>(i) == localWeekday(at(2024, 6, 9 + i)));
    }
}

TEST(Types, daysSinceEpochAndBack) {
    LONGS_EQUAL(0, daysSinceEpoch(Date{1970, 1, 1}));
    LONGS_EQUAL(-1, daysSinceEpoch(Date{1969, 12, 31}));
    LONGS_EQUAL(19783, daysSinceEpoch(Date{2024, 3, 1}));
    LONGS_EQUAL(1, daysSinceEpoch(Date{2024, 3, 1}) - daysSinceEpoch(Date{2024, 2, 29}));
    LONGS_EQUAL(1, daysSinceEpoch(Date{2023, 3, 1}) - daysSinceEpoch(Date{2023, 2, 28}));
    for (std::int64_t day = -800; day <= 800; day += 7) {
        LONGS_EQUAL(day, daysSinceEpoch(dateFromDays(day)));
    }
    checkDate(Date{2000, 2, 29}, dateFromDays(daysSinceEpoch(Date{2000, 2, 29})));
}

TEST(Types, daysSinceEpochRollsOverOutOfRangeDaysAndMonths) {
    LONGS_EQUAL(daysSinceEpoch(Date{2023, 3, 2}), daysSinceEpoch(Date{2023, 2, 30}));
    LONGS_EQUAL(daysSinceEpoch(Date{2024, 1, 1}), daysSinceEpoch(Date{2023, 13, 1}));
    LONGS_EQUAL(daysSinceEpoch(Date{2022, 12, 31}), daysSinceEpoch(Date{2023, 1, 0}));
}

TEST(Types, addMonthsKeepsTheDayOfMonth) {
    checkDate(Date{2025, 3, 10}, addMonths(Date{2024, 3, 10}, 12));
    checkDate(Date{2024, 3, 10}, addMonths(Date{2025, 3, 10}, -12));
    checkDate(Date{2025, 1, 15}, addMonths(Date{2024, 12, 15}, 1));
    checkDate(Date{2024, 12, 15}, addMonths(Date{2025, 1, 15}, -1));
    checkDate(Date{2024, 5, 5}, addMonths(Date{2024, 5, 5}, 0));
}

TEST(Types, addMonthsClampsToTheLastDayOfTheMonth) {
    checkDate(Date{2024, 2, 29}, addMonths(Date{2024, 1, 31}, 1));  // leap year
    checkDate(Date{2023, 2, 28}, addMonths(Date{2023, 1, 31}, 1));
    checkDate(Date{2024, 4, 30}, addMonths(Date{2024, 3, 31}, 1));
    checkDate(Date{2024, 2, 29}, addMonths(Date{2024, 3, 31}, -1));
}

TEST(Types, addMonthsFromALeapDay) {
    checkDate(Date{2025, 2, 28}, addMonths(Date{2024, 2, 29}, 12));
    checkDate(Date{2023, 2, 28}, addMonths(Date{2024, 2, 29}, -12));
    checkDate(Date{2028, 2, 29}, addMonths(Date{2024, 2, 29}, 48));
}

TEST(Types, addMonthsAtTheIntLimitsDoesNotWrap) {
    const Date far = addMonths(Date{2024, 1, 31}, std::numeric_limits<int>::max());
    LONGS_EQUAL(32767, far.year);
    const Date early = addMonths(Date{2024, 1, 31}, std::numeric_limits<int>::min());
    LONGS_EQUAL(-32767, early.year);
    CHECK(isValidDate(far));
    CHECK(isValidDate(early));
}

TEST(Types, extremeInstantsClampInsteadOfOverflowing) {
    const Instant max{std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int32_t>::max()};
    const Instant min{std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int32_t>::min()};
    checkDate(Date{32767, 12, 31}, localDate(max));
    checkDate(Date{-32767, 1, 1}, localDate(min));
    CHECK(localMinuteOfDay(max) >= 0 && localMinuteOfDay(max) < 1440);
    CHECK(localMinuteOfDay(min) >= 0 && localMinuteOfDay(min) < 1440);
    checkDate(Date{32767, 12, 31}, dateFromDays(std::numeric_limits<std::int64_t>::max()));
}

TEST(Types, isValidDate) {
    CHECK(isValidDate(Date{2024, 2, 29}));
    CHECK_FALSE(isValidDate(Date{2023, 2, 29}));
    CHECK_FALSE(isValidDate(Date{1900, 2, 29}));
    CHECK(isValidDate(Date{2000, 2, 29}));
    CHECK(isValidDate(Date{2024, 12, 31}));
    CHECK_FALSE(isValidDate(Date{2024, 4, 31}));
    CHECK_FALSE(isValidDate(Date{2024, 0, 1}));
    CHECK_FALSE(isValidDate(Date{2024, 13, 1}));
    CHECK_FALSE(isValidDate(Date{2024, 1, 0}));
    CHECK_FALSE(isValidDate(Date{2024, 1, 32}));
    CHECK_FALSE(isValidDate(Date{2024, 257, 1}));  // would wrap to 1 in a std::chrono::month
    CHECK_FALSE(isValidDate(Date{2024, 1, 257}));
    CHECK_FALSE(isValidDate(Date{40000, 1, 1}));
}

TEST(Types, datesCompareInCalendarOrder) {
    CHECK((Date{2024, 12, 31} < Date{2025, 1, 1}));
    CHECK((Date{2025, 1, 31} < Date{2025, 2, 1}));
    CHECK((Date{2025, 2, 1} < Date{2025, 2, 2}));
    CHECK((Date{2025, 2, 2} == Date{2025, 2, 2}));
}

TEST(Types, isoDatesAreReadStrictlyAndWrittenBack) {
    const auto date = loyalty::parseIsoDate("2024-02-29");
    CHECK_TRUE(date.has_value());
    CHECK_TRUE((*date == loyalty::Date{2024, 2, 29}));
    STRCMP_EQUAL("2024-02-29", loyalty::isoDateText(*date).c_str());
    STRCMP_EQUAL("0987-01-05", loyalty::isoDateText(loyalty::Date{987, 1, 5}).c_str());
    for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-1-05", "2024-01-5", "24-01-05",
                            "2024/01/05", "2024-01-05T00", "", "abcd-ef-gh", "2024-01-32"}) {
        CHECK_FALSE_TEXT(loyalty::parseIsoDate(bad).has_value(), bad);
    }
}
