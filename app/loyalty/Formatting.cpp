#include "loyalty/Formatting.h"

namespace loyalty {

namespace {

// Non-negative magnitude as "<whole>.<2 digits>" of a value in hundredths.
std::string hundredths(std::uint64_t magnitude, bool trimZeros) {
    std::string text = std::to_string(magnitude / 100);
    const auto cents = static_cast<unsigned>(magnitude % 100);
    if (trimZeros && cents == 0) {
        return text;
    }
    text += '.';
    text += static_cast<char>('0' + cents / 10);
    if (!trimZeros || cents % 10 != 0) {
        text += static_cast<char>('0' + cents % 10);
    }
    return text;
}

std::uint64_t magnitudeOf(std::int64_t value) {
    // 0 - value in unsigned arithmetic is exact even for INT64_MIN.
    return value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
}

}  // namespace

std::string moneyText(Money amount) {
    return (amount < 0 ? "-" : "") + hundredths(magnitudeOf(amount), false);
}

std::string pointsText(Points points) {
    return std::to_string(points) + (points == 1 || points == -1 ? " pt" : " pts");
}

std::string dateText(const Date& date) {
    static constexpr const char* kMonths[] = {"January", "February", "March",     "April",
                                              "May",     "June",     "July",      "August",
                                              "September", "October", "November", "December"};
    const char* month = (date.month >= 1 && date.month <= 12) ? kMonths[date.month - 1] : "?";
    return std::to_string(date.day) + " " + month + " " + std::to_string(date.year);
}

std::string multiplierText(std::int64_t percent) {
    return std::string("x") + (percent < 0 ? "-" : "") + hundredths(magnitudeOf(percent), true);
}

}  // namespace loyalty
