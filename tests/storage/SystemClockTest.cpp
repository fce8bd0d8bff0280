#include "storage/SystemClock.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(SystemClock) {};

TEST(SystemClock, ReadsBothClocksAndKeepsTheOffset) {
    const auto first = storage::SystemClock::now(-18000);
    const auto second = storage::SystemClock::now(-18000);
    CHECK_COMPARE(first.wallTimeMs, >, 1700000000000);  // after November 2023
    LONGS_EQUAL(first.wallTimeMs / 1000, first.at.utcSeconds);
    LONGS_EQUAL(-18000, first.at.utcOffsetSeconds);
    CHECK_COMPARE(first.monotonicNs, >, 0);
    CHECK_COMPARE(second.monotonicNs, >=, first.monotonicNs);
}
