#include "loyalty/Types.h"

#include <cstdio>

#include <algorithm>
#include <chrono>

#include "loyalty/CheckedMath.h"

// Calendar helpers on std::chrono's civil calendar (proleptic Gregorian, no
// time-zone database: the shop's UTC offset comes with each Instant).
//
// Range: std::chrono::year holds -32767..32767. Dates outside it are clamped
// to the first / last representable day, so no input wraps or is undefined.

namespace loyalty {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

constexpr int kMinYear = -32767;
constexpr int kMaxYear = 32767;
constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t firstRepresentableDay() {
    return sys_days{std::chrono::year{kMinYear} / std::chrono::January / 1}.time_since_epoch().count();
}

std::int64_t lastRepresentableDay() {
    return sys_days{std::chrono::year{kMaxYear} / std::chrono::December / 31}.time_since_epoch().count();
}

// Local day number and second of that day, computed without forming
// utcSeconds + utcOffsetSeconds (which could overflow at the extremes).
struct LocalDay {
    std::int64_t day;
    std::int64_t secondOfDay;
};

LocalDay splitLocal(const Instant& at) {
    const std::int64_t utcDay = floorDiv(at.utcSeconds, kSecondsPerDay);
    // In [-2^31, 2^31 + 86400): no overflow.
    const std::int64_t rest = floorMod(at.utcSeconds, kSecondsPerDay) + at.utcOffsetSeconds;
    const std::int64_t carry = floorDiv(rest, kSecondsPerDay);
    return LocalDay{utcDay + carry, floorMod(rest, kSecondsPerDay)};
}

// Year and month with an out-of-range month rolled over (month 13 = January
// of the next year, month 0 = December of the previous one).
std::chrono::year_month normalisedYearMonth(std::int64_t year, std::int64_t month) {
    const std::int64_t index = year * 12 + (month - 1);
    const std::int64_t y = floorDiv(index, 12);
    if (y < kMinYear) {
        return std::chrono::year{kMinYear} / std::chrono::January;
    }
    if (y > kMaxYear) {
        return std::chrono::year{kMaxYear} / std::chrono::December;
    }
    return std::chrono::year{static_cast<int>(y)} /
           std::chrono::month{static_cast<unsigned>(floorMod(index, 12) + 1)};
}

}  // namespace

Date localDate(const Instant& at) {
    return dateFromDays(splitLocal(at).day);
}

Weekday localWeekday(const Instant& at) {
    const std::int64_t day = std::clamp(splitLocal(at).day, firstRepresentableDay(), lastRepresentableDay());
    const std::chrono::weekday weekday{sys_days{days{day}}};
    return static_cast<Weekday>(weekday.c_encoding());  // 0 = Sunday, like Weekday
}

int localMinuteOfDay(const Instant& at) {
    return static_cast<int>(splitLocal(at).secondOfDay / 60);
}

std::int64_t daysSinceEpoch(const Date& date) {
    // Out-of-range months and days roll over (2023-02-30 is 2023-03-02), as
    // std::chrono defines for a valid year and month.
    const std::chrono::year_month ym = normalisedYearMonth(date.year, date.month);
    const sys_days first{ym / 1};
    return first.time_since_epoch().count() + static_cast<std::int64_t>(date.day) - 1;
}

Date dateFromDays(std::int64_t dayNumber) {
    const std::int64_t clamped = std::clamp(dayNumber, firstRepresentableDay(), lastRepresentableDay());
    const std::chrono::year_month_day ymd{sys_days{days{clamped}}};
    return Date{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day())};
}

Date addMonths(const Date& date, int months) {
    const std::chrono::year_month ym =
        normalisedYearMonth(date.year, static_cast<std::int64_t>(date.month) + months);
    const unsigned lastDay = static_cast<unsigned>((ym / std::chrono::last).day());
    return Date{static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()),
                std::clamp(date.day, 1u, lastDay)};
}

bool isValidDate(const Date& date) {
    // Checked before building chrono values: month{} and day{} only hold 0..255.
    if (date.year < kMinYear || date.year > kMaxYear || date.month < 1 || date.month > 12 ||
        date.day < 1 || date.day > 31) {
        return false;
    }
    const std::chrono::year_month_day ymd{std::chrono::year{date.year}, std::chrono::month{date.month},
                                          std::chrono::day{date.day}};
    return ymd.ok();
}

std::optional<Date> parseIsoDate(std::string_view text) {
    const auto digitsAt = [&text](std::size_t from, std::size_t count, int& value) {
        value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return false;
            }
            value = value * 10 + (text[i] - '0');
        }
        return true;
    };
    int year = 0;
    int month = 0;
    int day = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digitsAt(0, 4, year) || !digitsAt(5, 2, month) ||
        !digitsAt(8, 2, day)) {
        return std::nullopt;
    }
    const Date date{year, static_cast<unsigned>(month), static_cast<unsigned>(day)};
    if (!isValidDate(date)) {
        return std::nullopt;
    }
    return date;
}

std::string isoDateText(const Date& date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", date.year % 10000, date.month % 100, date.day % 100);
    return text;
}

}  // namespace loyalty
