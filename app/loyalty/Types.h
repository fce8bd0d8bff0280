#pragma once
// Basic value types of the loyalty domain. All arithmetic is integer: money in
// minor units (cents), points as whole points, both 64-bit.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loyalty {

using Points = std::int64_t;
using Money = std::int64_t;  // minor units of the programme's currency

// A moment, as the rules see it: seconds since the Unix epoch (UTC) plus the
// shop's UTC offset at that moment, so that "Tuesday" and "the birthday
// month" are the shop's local ones. The rules never read a clock; the caller
// passes one of these in.
struct Instant {
    std::int64_t utcSeconds = 0;
    std::int32_t utcOffsetSeconds = 0;

    std::int64_t localSeconds() const { return utcSeconds + utcOffsetSeconds; }
    friend bool operator==(const Instant&, const Instant&) = default;
};

// A local calendar date (the shop's).
struct Date {
    int year = 1970;
    unsigned month = 1;  // 1..12
    unsigned day = 1;    // 1..31
    friend auto operator<=>(const Date&, const Date&) = default;
};

enum class Weekday { Sunday = 0, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday };

// Calendar helpers (std::chrono calendar underneath; no time-zone database).
Date localDate(const Instant& at);
Weekday localWeekday(const Instant& at);
int localMinuteOfDay(const Instant& at);  // 0..1439
// Days since 1970-01-01 of a date, and back.
std::int64_t daysSinceEpoch(const Date& date);
Date dateFromDays(std::int64_t days);
// The same day-of-month N months later, clamped to the month's last day.
Date addMonths(const Date& date, int months);
bool isValidDate(const Date& date);
// "YYYY-MM-DD" (exactly that shape, a real calendar day), and back: the
// wire and file format of days (sync, head office, kioskctl).
std::optional<Date> parseIsoDate(std::string_view text);
std::string isoDateText(const Date& date);

enum class MemberStatus { Active, Blocked };
enum class CardStatus { Active, Lost, Blocked };

// How much a card's identity can be trusted (design brief §4).
enum class Assurance { Low, Signed, SecureMessaging };

}  // namespace loyalty
