#include <algorithm>
#include <chrono>
#include <cstdint>

#include "sync/Backoff.h"

#include <CppUTest/TestHarness.h>

using namespace std::chrono_literals;

TEST_GROUP(Backoff) {};

TEST(Backoff, TheCeilingDoublesFromTheBaseUpToTheCap) {
    kiosksync::Backoff backoff(1000ms, 300000ms, 1);
    LONGS_EQUAL(1000, backoff.ceiling(0).count());
    LONGS_EQUAL(2000, backoff.ceiling(1).count());
    LONGS_EQUAL(4000, backoff.ceiling(2).count());
    LONGS_EQUAL(256000, backoff.ceiling(8).count());
    LONGS_EQUAL(300000, backoff.ceiling(9).count());
    LONGS_EQUAL(300000, backoff.ceiling(1000000).count());
}

TEST(Backoff, FullJitterSpreadsOverTheWholeRange) {
    kiosksync::Backoff backoff(1000ms, 300000ms, 42);
    std::int64_t low = 1 << 30;
    std::int64_t high = 0;
    for (int i = 0; i < 2000; ++i) {
        const auto wait = backoff.delay(3).count();
        CHECK(wait >= 0 && wait <= 8000);
        low = std::min(low, wait);
        high = std::max(high, wait);
    }
    CHECK(low < 400);    // not "base plus a little": anywhere from 0
    CHECK(high > 7600);  // up to the ceiling
}

TEST(Backoff, ASameSeedGivesTheSameWaits) {
    kiosksync::Backoff a(20ms, 200ms, 9);
    kiosksync::Backoff b(20ms, 200ms, 9);
    for (int i = 0; i < 20; ++i) {
        LONGS_EQUAL(a.delay(i).count(), b.delay(i).count());
    }
}
