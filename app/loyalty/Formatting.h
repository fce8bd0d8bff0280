#pragma once
// Text for the reasons customers read in their history. English only; the
// screen translates refusals by code, the history shows these sentences.

#include <cstdint>
#include <string>

#include "loyalty/Types.h"

namespace loyalty {

// Minor units with two decimals, no currency symbol: 1234 -> "12.34",
// -5 -> "-0.05". Exact for every int64 (no wrap at the minimum).
std::string moneyText(Money amount);

// "1 pt", "12 pts", "-3 pts".
std::string pointsText(Points points);

// "10 March 2025". Months outside 1..12 show as "?".
std::string dateText(const Date& date);

// A percentage as a multiplier: 150 -> "x1.5", 125 -> "x1.25", 200 -> "x2".
std::string multiplierText(std::int64_t percent);

}  // namespace loyalty
