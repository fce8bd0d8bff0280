#include <chrono>
#include <string>

#include "net/RetryAfter.h"

#include <CppUTest/TestHarness.h>

using namespace std::chrono;
using net::RetryAfter;

namespace {

// 1994-11-06 08:49:30 UTC, seven seconds before the RFC's example date.
system_clock::time_point exampleNow() {
    return system_clock::time_point{sys_days{year{1994} / November / 6}} + hours(8) + minutes(49) + seconds(30);
}

long long ms(std::optional<milliseconds> value) { return value ? value->count() : -1; }

}  // namespace

TEST_GROUP(RetryAfter){};

TEST(RetryAfter, DeltaSeconds) {
    LONGS_EQUAL(120000, ms(RetryAfter::parse("120")));
    LONGS_EQUAL(0, ms(RetryAfter::parse("0")));
    LONGS_EQUAL(3000, ms(RetryAfter::parse("  3 ")));
}

TEST(RetryAfter, AnHourLongNumberIsCappedAndNeverOverflows) {
    LONGS_EQUAL(duration_cast<milliseconds>(hours(24)).count(), ms(RetryAfter::parse("999999999999999999999999")));
    LONGS_EQUAL(duration_cast<milliseconds>(hours(24)).count(), ms(RetryAfter::parse("86401")));
}

TEST(RetryAfter, GarbageIsNoValue) {
    for (const char* text : {"", " ", "soon", "-1", "1.5", "3s", "+3", "Sun, 06 Nov 1994", "Sun, 31 Feb 1994 08:49:37 GMT",
                             "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 UTC"}) {
        CHECK_TEXT(!RetryAfter::parse(text, exampleNow()).has_value(), text);
    }
}

TEST(RetryAfter, ImfFixdate) {
    LONGS_EQUAL(7000, ms(RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT", exampleNow())));
}

TEST(RetryAfter, Rfc850Date) {
    LONGS_EQUAL(7000, ms(RetryAfter::parse("Sunday, 06-Nov-94 08:49:37 GMT", exampleNow())));
}

TEST(RetryAfter, AsctimeDate) {
    LONGS_EQUAL(7000, ms(RetryAfter::parse("Sun Nov  6 08:49:37 1994", exampleNow())));
    const auto twoDigitDay = RetryAfter::parseHttpDate("Wed Nov 16 08:49:37 1994");
    CHECK(twoDigitDay.has_value());
    CHECK(*twoDigitDay - exampleNow() == days(10) + seconds(7));
}

TEST(RetryAfter, ADateInThePastIsNoWait) {
    LONGS_EQUAL(0, ms(RetryAfter::parse("Sat, 05 Nov 1994 08:49:37 GMT", exampleNow())));
}

TEST(RetryAfter, AFarDateIsCapped) {
    LONGS_EQUAL(duration_cast<milliseconds>(hours(24)).count(),
                ms(RetryAfter::parse("Fri, 06 Nov 1995 08:49:37 GMT", exampleNow())));
}

TEST(RetryAfter, FromAResponseField) {
    net::HttpResponse response;
    response.status = 429;
    CHECK_FALSE(RetryAfter::of(response).has_value());
    response.headers.add("retry-after", "2");
    LONGS_EQUAL(2000, ms(RetryAfter::of(response)));
}
