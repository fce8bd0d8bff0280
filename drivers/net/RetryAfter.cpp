#include "net/RetryAfter.h"

#include <array>
#include <cstdint>

namespace net {

namespace {

using std::chrono::milliseconds;

constexpr std::array<std::string_view, 7> shortDays{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> longDays{"Monday", "Tuesday", "Wednesday", "Thursday",
                                                   "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Reads the text left to right; every step fails (and stays failed) on a mismatch.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    bool literal(std::string_view expected) {
        if (!ok_ || text_.substr(0, expected.size()) != expected) return fail();
        text_.remove_prefix(expected.size());
        return true;
    }
    // Exactly `digits` digits.
    int number(std::size_t digits) {
        if (!ok_ || text_.size() < digits) return fail(), 0;
        int value = 0;
        for (std::size_t i = 0; i < digits; ++i) {
            if (!isDigit(text_[i])) return fail(), 0;
            value = value * 10 + (text_[i] - '0');
        }
        text_.remove_prefix(digits);
        return value;
    }
    // One of the names; its index.
    template <std::size_t N>
    int oneOf(const std::array<std::string_view, N>& names) {
        for (std::size_t i = 0; ok_ && i < names.size(); ++i) {
            if (text_.substr(0, names[i].size()) == names[i]) {
                text_.remove_prefix(names[i].size());
                return static_cast<int>(i);
            }
        }
        return fail(), 0;
    }
    bool atEnd() const { return ok_ && text_.empty(); }
    bool ok() const { return ok_; }
    char peek() const { return text_.empty() ? '\0' : text_.front(); }

private:
    bool fail() {
        ok_ = false;
        return false;
    }
    std::string_view text_;
    bool ok_ = true;
};

struct DateTime {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

bool readTime(Scanner& in, DateTime& date) {
    date.hour = in.number(2);
    in.literal(":");
    date.minute = in.number(2);
    in.literal(":");
    date.second = in.number(2);
    return in.ok();
}

// "Sun, 06 Nov 1994 08:49:37 GMT"
std::optional<DateTime> imfFixdate(std::string_view text) {
    Scanner in(text);
    DateTime date;
    in.oneOf(shortDays);
    in.literal(", ");
    date.day = in.number(2);
    in.literal(" ");
    date.month = in.oneOf(months) + 1;
    in.literal(" ");
    date.year = in.number(4);
    in.literal(" ");
    readTime(in, date);
    in.literal(" GMT");
    return in.atEnd() ? std::optional(date) : std::nullopt;
}

// "Sunday, 06-Nov-94 08:49:37 GMT"; the two-digit year is the most recent
// one with those digits that is not more than 50 years ahead (RFC 9110 §5.6.7).
std::optional<DateTime> rfc850(std::string_view text, int currentYear) {
    Scanner in(text);
    DateTime date;
    in.oneOf(longDays);
    in.literal(", ");
    date.day = in.number(2);
    in.literal("-");
    date.month = in.oneOf(months) + 1;
    in.literal("-");
    const int twoDigits = in.number(2);
    in.literal(" ");
    readTime(in, date);
    in.literal(" GMT");
    if (!in.atEnd()) return std::nullopt;
    date.year = currentYear - currentYear % 100 + twoDigits;
    if (date.year > currentYear + 50) date.year -= 100;
    return date;
}

// "Sun Nov  6 08:49:37 1994"
std::optional<DateTime> asctime(std::string_view text) {
    Scanner in(text);
    DateTime date;
    in.oneOf(shortDays);
    in.literal(" ");
    date.month = in.oneOf(months) + 1;
    in.literal(" ");
    if (in.peek() == ' ') {
        in.literal(" ");
        date.day = in.number(1);
    } else {
        date.day = in.number(2);
    }
    in.literal(" ");
    readTime(in, date);
    in.literal(" ");
    date.year = in.number(4);
    return in.atEnd() ? std::optional(date) : std::nullopt;
}

std::optional<std::chrono::system_clock::time_point> toTimePoint(const DateTime& date) {
    using namespace std::chrono;
    const year_month_day ymd{year{date.year}, month{static_cast<unsigned>(date.month)},
                             day{static_cast<unsigned>(date.day)}};
    if (!ymd.ok() || date.hour > 23 || date.minute > 59 || date.second > 60) return std::nullopt;
    return system_clock::time_point{sys_days{ymd}} + hours{date.hour} + minutes{date.minute} + seconds{date.second};
}

int yearOf(std::chrono::system_clock::time_point now) {
    const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(now)};
    return static_cast<int>(ymd.year());
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> RetryAfter::parseHttpDate(std::string_view text,
                                                                          std::chrono::system_clock::time_point now) {
    text = trim(text);
    std::optional<DateTime> date = imfFixdate(text);
    if (!date) date = rfc850(text, yearOf(now));
    if (!date) date = asctime(text);
    if (!date) return std::nullopt;
    return toTimePoint(*date);
}

std::optional<milliseconds> RetryAfter::parse(std::string_view value, std::chrono::system_clock::time_point now) {
    value = trim(value);
    if (value.empty()) return std::nullopt;
    if (isDigit(value.front())) {
        constexpr std::int64_t maxSeconds = std::chrono::duration_cast<std::chrono::seconds>(maxWait).count();
        std::int64_t seconds = 0;
        for (char c : value) {
            if (!isDigit(c)) return std::nullopt;
            seconds = seconds * 10 + (c - '0');
            if (seconds > maxSeconds) seconds = maxSeconds + 1;  // saturate: no overflow on a long number
        }
        return std::min(milliseconds(std::chrono::seconds(seconds)), maxWait);
    }
    const auto when = parseHttpDate(value, now);
    if (!when) return std::nullopt;
    if (*when <= now) return milliseconds(0);
    return std::min(std::chrono::ceil<milliseconds>(*when - now), maxWait);
}

std::optional<milliseconds> RetryAfter::of(const HttpResponse& response, std::chrono::system_clock::time_point now) {
    const auto field = response.headers.find("Retry-After");
    if (!field) return std::nullopt;
    return parse(*field, now);
}

}  // namespace net
