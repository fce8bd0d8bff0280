#include <chrono>

#include "nfc/reader/Backoff.h"

#include <CppUTest/TestHarness.h>

TEST_GROUP(Backoff) {};

TEST(Backoff, DoublesUpToTheCapAndResets) {
    nfc::Backoff backoff(std::chrono::milliseconds(100), std::chrono::milliseconds(500));
    LONGS_EQUAL(100, backoff.next().count());
    LONGS_EQUAL(200, backoff.next().count());
    LONGS_EQUAL(400, backoff.next().count());
    LONGS_EQUAL(500, backoff.next().count());
    LONGS_EQUAL(500, backoff.next().count());
    backoff.reset();
    LONGS_EQUAL(100, backoff.next().count());
}
