#include "headoffice/CalendarDay.h"

#include <chrono>
#include <cstdio>

#include "loyalty/Types.h"

namespace headoffice {

namespace {

std::int64_t floorDiv(std::int64_t value, std::int64_t by) {
    const std::int64_t q = value / by;
    return (value % by != 0 && (value < 0) != (by < 0)) ? q - 1 : q;
}

}  // namespace

std::int64_t CalendarDay::utcDay(std::int64_t unixMs) { return floorDiv(unixMs, 86'400'000); }

std::int64_t CalendarDay::localDay(std::int64_t wallTimeMs, std::int64_t utcOffsetSeconds) {
    return utcDay(wallTimeMs + utcOffsetSeconds * 1000);
}

std::string CalendarDay::text(std::int64_t days) {
    using namespace std::chrono;
    const year_month_day day{sys_days{std::chrono::days{days}}};
    char out[24];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                  static_cast<unsigned>(day.day()));
    return out;
}

std::optional<std::int64_t> CalendarDay::parse(const std::string& text) {
    const auto date = loyalty::parseIsoDate(text);
    if (!date) {
        return std::nullopt;
    }
    return loyalty::daysSinceEpoch(*date);
}

}  // namespace headoffice
