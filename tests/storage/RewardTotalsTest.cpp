#include <map>
#include <string>

#include "storage/RewardTotals.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(RewardTotals) {
    storagetest::StorageTestDatabase t{"kiosk-totals"};
    storage::RewardTotals totals{t.db};
};

TEST(RewardTotals, SetOverwritesOneReward) {
    CHECK_TRUE(totals.set("coffee", 10).hasValue());
    CHECK_TRUE(totals.set("coffee", 12).hasValue());
    CHECK_TRUE(totals.set("tea", 0).hasValue());
    const auto all = totals.all().value();
    LONGS_EQUAL(2, all.size());
    LONGS_EQUAL(12, all.at("coffee"));
    LONGS_EQUAL(0, all.at("tea"));
    CHECK(totals.set("coffee", -1).error().code == storage::ErrorCode::InvalidArgument);
    CHECK(totals.set("", 1).error().code == storage::ErrorCode::InvalidArgument);
}

TEST(RewardTotals, ReplaceAllDropsRewardsNoLongerListed) {
    CHECK_TRUE(totals.set("old", 3).hasValue());
    CHECK_TRUE(totals.replaceAll({{"coffee", 5}, {"tea", 2}}).hasValue());
    const auto all = totals.all().value();
    LONGS_EQUAL(2, all.size());
    CHECK(all.count("old") == 0);
    CHECK_FALSE(totals.replaceAll({{"coffee", 6}, {"bad", -1}}).hasValue());
    LONGS_EQUAL(5, totals.all()->at("coffee"));  // all or nothing
}
