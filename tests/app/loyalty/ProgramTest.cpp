#include <string>

#include "app/loyalty/ProgramFixture.h"
#include "loyalty/Program.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;

TEST_GROUP(Program) {
    Program program = test::demoProgram();
};

TEST(Program, findsEachKindById) {
    const Tier* gold = program.findTier("gold");
    CHECK(gold != nullptr);
    LONGS_EQUAL(2000, gold->threshold);
    POINTERS_EQUAL(&program.rewards[1], program.findReward("voucher-5"));
    POINTERS_EQUAL(&program.offers[1], program.findOffer("welcome-back"));
    POINTERS_EQUAL(&program.stampCards[0], program.findStampCard("coffee-card"));
}

TEST(Program, unknownIdsGiveNull) {
    POINTERS_EQUAL(nullptr, program.findTier("platinum"));
    POINTERS_EQUAL(nullptr, program.findReward(""));
    POINTERS_EQUAL(nullptr, program.findOffer("Welcome-Back"));  // ids are case-sensitive
    POINTERS_EQUAL(nullptr, program.findStampCard("tea-card"));
}

TEST(Program, firstOfDuplicateIdsWins) {
    program.tiers.push_back(Tier{"gold", "Gold again", 9000, 300});
    POINTERS_EQUAL(&program.tiers[2], program.findTier("gold"));
}
