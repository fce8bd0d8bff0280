#include "storage/LedgerSummary.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using storagetest::kDay0Ms;
using storagetest::kDayMs;

namespace {
constexpr std::int64_t kHourMs = 3600000;
}

TEST_GROUP(LedgerSummary) {
    storagetest::StorageTestDatabase t{"kiosk-summary"};
    storage::DecisionRecorder recorder{t.db};

    void setup() override {
        t.addMember("m-1", 1000);
        t.addCard("card-1", "m-1");
    }
    loyalty::RecordedEvent record(loyalty::EventDraft event, std::int64_t wallMs) {
        auto recorded = recorder.record(storagetest::request({std::move(event)}, "card-1", storagetest::timeAt(wallMs)));
        CHECK_TRUE(recorded.hasValue());
        return recorded->at(0);
    }
    // kDay0Ms is 10:00 UTC = 11:00 in the shop (UTC+1).
    std::int64_t shopDay0() const { return storagetest::dayTime(0).shopDay(); }
};

TEST(LedgerSummary, CountsTodaysTransactionsPointsAndHours) {
    record(storagetest::earn("m-1", "card-1", 12, 1234), kDay0Ms);                 // 11:xx local
    record(storagetest::earn("m-1", "card-1", 30, 3000), kDay0Ms + 2 * kHourMs);    // 13:xx
    const auto redeemed = record(storagetest::redeem("m-1", "card-1", 150), kDay0Ms + 2 * kHourMs);
    record(storagetest::voidOf(redeemed), kDay0Ms + 3 * kHourMs);                    // 14:xx
    auto summary = storage::LedgerSummary(t.db).forDay(shopDay0());
    CHECK_TRUE(summary.hasValue());
    LONGS_EQUAL(4, summary->transactions);
    LONGS_EQUAL(42, summary->pointsIssued);
    LONGS_EQUAL(150, summary->pointsRedeemed);
    LONGS_EQUAL(1, summary->voids);
    LONGS_EQUAL(1, summary->transactionsPerHour[11]);
    LONGS_EQUAL(2, summary->transactionsPerHour[13]);
    LONGS_EQUAL(1, summary->transactionsPerHour[14]);
    LONGS_EQUAL(0, summary->transactionsPerHour[10]);
}

TEST(LedgerSummary, OtherDaysAndNonTransactionsAreLeftOut) {
    record(storagetest::earn("m-1", "card-1", 5, 500), kDay0Ms - kDayMs);  // yesterday
    // 23:30 UTC on day 0 is 00:30 on day 1 in the shop.
    record(storagetest::earn("m-1", "card-1", 7, 700), kDay0Ms + 13 * kHourMs + 30 * 60000);
    auto rating = storagetest::draft(loyalty::EventType::Rating, "m-1", "card-1", 0, "Rated 5");
    rating.rating = 5;
    record(rating, kDay0Ms);
    auto today = storage::LedgerSummary(t.db).forDay(shopDay0());
    LONGS_EQUAL(0, today->transactions);
    LONGS_EQUAL(0, today->pointsIssued);
    auto tomorrow = storage::LedgerSummary(t.db).forDay(shopDay0() + 1);
    LONGS_EQUAL(1, tomorrow->transactions);
    LONGS_EQUAL(7, tomorrow->pointsIssued);
    LONGS_EQUAL(1, tomorrow->transactionsPerHour[0]);
}

TEST(LedgerSummary, AnEmptyLedgerIsAnEmptyDay) {
    auto summary = storage::LedgerSummary(t.db).forDay(shopDay0());
    CHECK_TRUE(summary.hasValue());
    LONGS_EQUAL(0, summary->transactions);
}
