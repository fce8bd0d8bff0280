#include "storage/RecordTime.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(RecordTime) {};

TEST(RecordTime, SecondsAreTheFloorOfTheWallMilliseconds) {
    const auto t = storage::RecordTime::fromWallMs(1710237600999, 3600, 42);
    LONGS_EQUAL(1710237600, t.at.utcSeconds);
    LONGS_EQUAL(3600, t.at.utcOffsetSeconds);
    LONGS_EQUAL(42, t.monotonicNs);
    LONGS_EQUAL(-1, storage::RecordTime::fromWallMs(-1, 0).at.utcSeconds);
    LONGS_EQUAL(-1, storage::RecordTime::fromWallMs(-1000, 0).at.utcSeconds);
    LONGS_EQUAL(-2, storage::RecordTime::fromWallMs(-1001, 0).at.utcSeconds);
}

TEST(RecordTime, TheShopDayFollowsTheShopsOffset) {
    // 2024-03-12 23:30 UTC: still the 12th in London, already the 13th in Berlin (UTC+1).
    const std::int64_t wallMs = 1710286200000;
    const auto london = storage::RecordTime::fromWallMs(wallMs, 0);
    const auto berlin = storage::RecordTime::fromWallMs(wallMs, 3600);
    LONGS_EQUAL(loyalty::daysSinceEpoch(loyalty::Date{2024, 3, 12}), london.shopDay());
    LONGS_EQUAL(loyalty::daysSinceEpoch(loyalty::Date{2024, 3, 13}), berlin.shopDay());
}
