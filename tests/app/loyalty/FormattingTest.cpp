#include <cstdint>
#include <limits>
#include <string>

#include "loyalty/Formatting.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;

TEST_GROUP(Formatting){};

TEST(Formatting, moneyHasTwoDecimalsAndNoSymbol) {
    STRCMP_EQUAL("12.34", moneyText(1234).c_str());
    STRCMP_EQUAL("0.05", moneyText(5).c_str());
    STRCMP_EQUAL("0.00", moneyText(0).c_str());
    STRCMP_EQUAL("1.00", moneyText(100).c_str());
    STRCMP_EQUAL("-0.05", moneyText(-5).c_str());
    STRCMP_EQUAL("-12.30", moneyText(-1230).c_str());
}

TEST(Formatting, moneyAtTheInt64Limits) {
    STRCMP_EQUAL("92233720368547758.07", moneyText(std::numeric_limits<std::int64_t>::max()).c_str());
    STRCMP_EQUAL("-92233720368547758.08", moneyText(std::numeric_limits<std::int64_t>::min()).c_str());
}

TEST(Formatting, pointsSingularAndPlural) {
    STRCMP_EQUAL("1 pt", pointsText(1).c_str());
    STRCMP_EQUAL("-1 pt", pointsText(-1).c_str());
    STRCMP_EQUAL("0 pts", pointsText(0).c_str());
    STRCMP_EQUAL("12 pts", pointsText(12).c_str());
}

TEST(Formatting, dateIsWrittenOut) {
    STRCMP_EQUAL("10 March 2025", dateText(Date{2025, 3, 10}).c_str());
    STRCMP_EQUAL("31 December 1999", dateText(Date{1999, 12, 31}).c_str());
    STRCMP_EQUAL("1 ? 2025", dateText(Date{2025, 13, 1}).c_str());
}

TEST(Formatting, multiplierDropsTrailingZeros) {
    STRCMP_EQUAL("x1.5", multiplierText(150).c_str());
    STRCMP_EQUAL("x1.25", multiplierText(125).c_str());
    STRCMP_EQUAL("x2", multiplierText(200).c_str());
    STRCMP_EQUAL("x1.05", multiplierText(105).c_str());
    STRCMP_EQUAL("x0.5", multiplierText(50).c_str());
}
