#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "app/loyalty/ProgramFixture.h"
#include "loyalty/VelocityPolicy.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;

TEST_GROUP(VelocityPolicy) {
    VelocityLimits limits{10};
    CardState card = test::demoCard();

    std::optional<Refusal> check(std::int32_t transactionsToday, bool managerOverride = false) {
        card.transactionsToday = transactionsToday;
        return VelocityPolicy(limits).check(card, managerOverride);
    }
};

TEST(VelocityPolicy, firstTransactionOfTheDayIsAllowed) {
    CHECK_FALSE(check(0).has_value());
}

TEST(VelocityPolicy, theNthTransactionIsStillAllowed) {
    CHECK_FALSE(check(9).has_value());  // 9 done, this is the 10th
}

TEST(VelocityPolicy, oneMoreThanTheLimitIsHeld) {
    const auto refusal = check(10);
    CHECK(refusal.has_value());
    CHECK(refusal->code == RefusalCode::VelocityHeld);
    STRCMP_EQUAL("This card has reached 10 transactions today. A manager must approve any more.",
                 refusal->message.c_str());
    CHECK(check(std::numeric_limits<std::int32_t>::max()).has_value());
}

TEST(VelocityPolicy, aManagerReleasesTheHold) {
    CHECK_FALSE(check(10, true).has_value());
    CHECK_FALSE(check(500, true).has_value());
}

TEST(VelocityPolicy, zeroMeansNoLimit) {
    limits.maxTransactionsPerCardPerDay = 0;
    CHECK_FALSE(check(100000).has_value());
    limits.maxTransactionsPerCardPerDay = -1;
    CHECK_FALSE(check(100000).has_value());
}

TEST(VelocityPolicy, limitOfOne) {
    limits.maxTransactionsPerCardPerDay = 1;
    CHECK_FALSE(check(0).has_value());
    CHECK(check(1).has_value());
}

TEST(VelocityPolicy, demoProgrammeHoldsTheEleventh) {
    const Program program = test::demoProgram();
    card.transactionsToday = 10;
    CHECK(VelocityPolicy(program.velocity).check(card, false).has_value());
}
