#include "kiosk/Formatter.h"

#include <utility>

namespace kiosk {

namespace {

// 0 - value in unsigned arithmetic is exact even for INT64_MIN.
std::uint64_t magnitudeOf(std::int64_t value) {
    return value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
}

std::string grouped(std::uint64_t magnitude, const std::string& separator) {
    const std::string digits = std::to_string(magnitude);
    std::string text;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            text += separator;
        }
        text += digits[i];
    }
    return text;
}

std::string orDefault(const config::Catalog& catalogue, std::string_view key, std::string fallback) {
    return catalogue.has(key) ? catalogue.text(key) : std::move(fallback);
}

}  // namespace

Formatter::Formatter(const config::Catalog& catalogue, std::string currency)
    : catalogue_(catalogue),
      currency_(std::move(currency)),
      thousands_(orDefault(catalogue, "format.thousands", ",")),
      decimal_(orDefault(catalogue, "format.decimal", ".")) {}

std::string Formatter::number(std::int64_t value) const {
    return (value < 0 ? "-" : "") + grouped(magnitudeOf(value), thousands_);
}

std::string Formatter::signedNumber(std::int64_t value) const {
    return (value > 0 ? "+" : "") + number(value);
}

std::string Formatter::points(std::int64_t points) const {
    const char* key = (points == 1 || points == -1) ? "format.point" : "format.points";
    return catalogue_.format(key, {{"n", number(points)}});
}

std::string Formatter::signedPoints(std::int64_t points) const {
    const char* key = (points == 1 || points == -1) ? "format.point" : "format.points";
    return catalogue_.format(key, {{"n", signedNumber(points)}});
}

std::string Formatter::moneyDigits(loyalty::Money minorUnits) const {
    const std::uint64_t magnitude = magnitudeOf(minorUnits);
    const auto cents = static_cast<unsigned>(magnitude % 100);
    std::string text = (minorUnits < 0 ? "-" : "") + grouped(magnitude / 100, thousands_) + decimal_;
    text += static_cast<char>('0' + cents / 10);
    text += static_cast<char>('0' + cents % 10);
    return text;
}

std::string Formatter::money(loyalty::Money minorUnits) const {
    const std::string symbolKey = "currency." + currency_;
    const std::string symbol = catalogue_.has(symbolKey) ? catalogue_.text(symbolKey) : currency_;
    return catalogue_.format("format.money", {{"amount", moneyDigits(minorUnits)}, {"symbol", symbol}});
}

std::string Formatter::date(const loyalty::Date& date) const {
    const std::string month = (date.month >= 1 && date.month <= 12)
                                  ? catalogue_.text("month." + std::to_string(date.month))
                                  : std::string("?");
    return catalogue_.format("format.date", {{"day", std::to_string(date.day)},
                                             {"month", month},
                                             {"year", std::to_string(date.year)}});
}

}  // namespace kiosk
