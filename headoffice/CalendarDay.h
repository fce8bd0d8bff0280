#pragma once
// Calendar days as head office writes them: "YYYY-MM-DD" (proleptic
// Gregorian), counted as days since 1970-01-01 for arithmetic.

#include <cstdint>
#include <optional>
#include <string>

namespace headoffice {

class CalendarDay {
public:
    // The UTC day of a Unix-ms time.
    static std::int64_t utcDay(std::int64_t unixMs);
    // The shop-local day of a Unix-ms time and a UTC offset in seconds.
    static std::int64_t localDay(std::int64_t wallTimeMs, std::int64_t utcOffsetSeconds);
    // Days since 1970-01-01 as YYYY-MM-DD.
    static std::string text(std::int64_t days);
    // YYYY-MM-DD (a real calendar day) as days since 1970-01-01.
    static std::optional<std::int64_t> parse(const std::string& text);
};

}  // namespace headoffice
