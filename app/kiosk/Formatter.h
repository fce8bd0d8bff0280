#pragma once
// Numbers, points, money and dates as the session's language writes them:
// "1,240" / "1.240", "12.34" / "12,34", "10 March 2027" / "10 de marzo de
// 2027". Separators, month names and patterns come from the catalogue
// (format.*, month.*), so a new language needs no code.

#include <cstdint>
#include <string>

#include "config/Catalog.h"
#include "loyalty/Types.h"

namespace kiosk {

class Formatter {
public:
    // currency: ISO 4217 code of the programme ("EUR"); the symbol comes
    // from the catalogue (currency.EUR) when it has one, else the code.
    Formatter(const config::Catalog& catalogue, std::string currency);

    std::string number(std::int64_t value) const;           // "1,240", "-3"
    std::string signedNumber(std::int64_t value) const;     // "+18", "-150", "0"
    std::string points(std::int64_t points) const;          // "1,240 pts", "1 pt"
    std::string signedPoints(std::int64_t points) const;    // "+18 pts", "-150 pts"
    std::string money(loyalty::Money minorUnits) const;     // "€12.34" / "12,34 €"
    std::string moneyDigits(loyalty::Money minorUnits) const;  // "12.34" / "12,34", no symbol
    std::string date(const loyalty::Date& date) const;      // "10 March 2027"

private:
    const config::Catalog& catalogue_;
    std::string currency_;
    std::string thousands_;
    std::string decimal_;
};

}  // namespace kiosk
