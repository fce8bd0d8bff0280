#include <cstdint>
#include <limits>
#include <string>

#include "loyalty/CheckedMath.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;

namespace {
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
}  // namespace

TEST_GROUP(CheckedMath){};

TEST(CheckedMath, addWithinRange) {
    LONGS_EQUAL(5, *checkedAdd(2, 3));
    LONGS_EQUAL(-1, *checkedAdd(2, -3));
    CHECK(checkedAdd(kMax - 1, 1) == kMax);
    CHECK(checkedAdd(kMin, 0) == kMin);
}

TEST(CheckedMath, addOverflowIsRefusedNotWrapped) {
    CHECK_FALSE(checkedAdd(kMax, 1).has_value());
    CHECK_FALSE(checkedAdd(kMin, -1).has_value());
    CHECK_FALSE(checkedAdd(kMax, kMax).has_value());
}

TEST(CheckedMath, subtract) {
    LONGS_EQUAL(-1, *checkedSub(2, 3));
    CHECK(checkedSub(kMin + 1, 1) == kMin);
    CHECK_FALSE(checkedSub(kMin, 1).has_value());
    CHECK_FALSE(checkedSub(0, kMin).has_value());
    CHECK_FALSE(checkedSub(kMax, -1).has_value());
}

TEST(CheckedMath, multiply) {
    LONGS_EQUAL(-6, *checkedMul(2, -3));
    LONGS_EQUAL(0, *checkedMul(kMax, 0));
    CHECK(checkedMul(kMax, 1) == kMax);
    CHECK_FALSE(checkedMul(kMax, 2).has_value());
    CHECK_FALSE(checkedMul(kMin, -1).has_value());
    CHECK_FALSE(checkedMul(std::int64_t{1} << 32, std::int64_t{1} << 31).has_value());
}

TEST(CheckedMath, negate) {
    LONGS_EQUAL(-7, *checkedNeg(7));
    CHECK(checkedNeg(kMax) == kMin + 1);
    CHECK_FALSE(checkedNeg(kMin).has_value());
}

TEST(CheckedMath, applyPercentRoundsDown) {
    LONGS_EQUAL(18, *applyPercent(12, 150));
    LONGS_EQUAL(15, *applyPercent(12, 125));   // 15.0
    LONGS_EQUAL(16, *applyPercent(13, 125));   // 16.25
    LONGS_EQUAL(19, *applyPercent(13, 150));   // 19.5
    LONGS_EQUAL(0, *applyPercent(1, 50));      // 0.5
    LONGS_EQUAL(0, *applyPercent(0, 300));
    LONGS_EQUAL(12, *applyPercent(12, 100));
}

TEST(CheckedMath, applyPercentRoundsTowardsMinusInfinity) {
    LONGS_EQUAL(-2, *applyPercent(-1, 150));  // -1.5
    LONGS_EQUAL(-1, *applyPercent(1, -50));   // -0.5
}

TEST(CheckedMath, applyPercentHasNoIntermediateOverflow) {
    // kMax * 100 does not fit, but the result does.
    CHECK(applyPercent(kMax, 100) == kMax);
    LONGS_EQUAL(kMax / 2, *applyPercent(kMax, 50));
    CHECK_FALSE(applyPercent(kMax, 101).has_value());
    CHECK_FALSE(applyPercent(kMax / 2 + 1, 200).has_value());
}

TEST(CheckedMath, mulDivFloor) {
    LONGS_EQUAL(333, *mulDivFloor(1, 1000, 3));
    LONGS_EQUAL(-334, *mulDivFloor(-1, 1000, 3));
    LONGS_EQUAL(999, *mulDivFloor(kMax - 1, 1000, kMax));
    CHECK_FALSE(mulDivFloor(1, 1, 0).has_value());
    CHECK_FALSE(mulDivFloor(1, 1, -5).has_value());
    CHECK_FALSE(mulDivFloor(kMin, -1, 1).has_value());
}

TEST(CheckedMath, floorDivisionOfNegativeValues) {
    LONGS_EQUAL(-1, floorDiv(-1, 86400));
    LONGS_EQUAL(86399, floorMod(-1, 86400));
    LONGS_EQUAL(-1, floorDiv(-86400, 86400));
    LONGS_EQUAL(0, floorMod(-86400, 86400));
    LONGS_EQUAL(-2, floorDiv(-86401, 86400));
    LONGS_EQUAL(1, floorDiv(86400, 86400));
    LONGS_EQUAL(0, floorDiv(86399, 86400));
    LONGS_EQUAL(kMin / 2, floorDiv(kMin, 2));
    LONGS_EQUAL(0, floorMod(kMin, 2));
}

TEST(CheckedMath, overflowRefusalNamesWhatDidNotFit) {
    const Refusal refusal = overflowRefusal("The balance");
    CHECK(refusal.code == RefusalCode::Overflow);
    STRCMP_EQUAL("The balance is too large.", refusal.message.c_str());
}
