// Power-cut test: a child records decisions and is killed with SIGKILL at
// random moments; after every kill the database must be whole. The count of
// kills comes from KIOSK_CRASH_KILLS (default 200); bench/ runs thousands.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "support/TempDir.h"
#include "tests/storage/crash/CrashHarness.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(StorageCrash){};

TEST(StorageCrash, EveryConfirmedCommitSurvivesSigkillAndNothingIsHalfWritten) {
    testsupport::TempDir dir("kiosk-crash");
    crashtest::CrashOptions options;
    options.writer = CRASH_WRITER;
    options.database = dir.file("kiosk.db");
    if (const char* kills = std::getenv("KIOSK_CRASH_KILLS")) {
        options.kills = std::atoi(kills);
    }
    options.seed = 20261123;
    const auto report = crashtest::runCrashCycles(options);
    std::printf("\n%s (commits reported: %lld, events in ledger: %lld)\n", report.summary().c_str(),
                static_cast<long long>(report.commitsReported), static_cast<long long>(report.eventsInLedger));
    CHECK_TEXT(report.clean(), report.firstProblem.c_str());
    LONGS_EQUAL(options.kills, report.kills);
    // The kills must land while commits are happening, not only at start-up.
    CHECK_COMPARE(report.commitsReported, >, options.kills / 2);
}
