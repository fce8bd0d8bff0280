#include <string>

#include "services/LogRing.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(LogRing){};

TEST(LogRing, KeepsTheNewestLinesOldestFirstWithATime) {
    services::LogRing ring(3, false);
    for (int i = 1; i <= 5; ++i) {
        ring.add("line " + std::to_string(i));
    }
    const auto lines = ring.lines();
    LONGS_EQUAL(3, lines.size());
    STRCMP_CONTAINS("line 3", lines[0].c_str());
    STRCMP_CONTAINS("line 5", lines[2].c_str());
    LONGS_EQUAL(':', lines[0][2]);  // "HH:MM:SS line 3"
}
