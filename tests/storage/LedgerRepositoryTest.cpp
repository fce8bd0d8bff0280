#include <string>
#include <vector>

#include "storage/DecisionRecorder.h"
#include "storage/LedgerRepository.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using storagetest::earn;
using storagetest::redeem;
using storagetest::request;

TEST_GROUP(LedgerRepository) {
    storagetest::StorageTestDatabase t{"kiosk-ledger"};
    storage::DecisionRecorder recorder{t.db};
    storage::LedgerRepository ledger{t.db};
    void setup() override {
        t.addMember("m-1", 500);
        t.addMember("m-2", 500);
        t.addCard("card-1", "m-1");
        t.addCard("card-2", "m-2");
    }
};

TEST(LedgerRepository, HistoryIsTheMembersOwnNewestFirstWithReasonTimeAndDelta) {
    std::vector<std::string> ids;
    for (int i = 0; i < 4; ++i) {
        auto recorded =
            recorder.record(request({earn("m-1", "card-1", 10 * (i + 1))}, "card-1", storagetest::dayTime(i)));
        ids.push_back(recorded->at(0).id);
        CHECK_TRUE(recorder.record(request({earn("m-2", "card-2", 1)}, "card-2")).hasValue());
    }
    auto spent = recorder.record(request({redeem("m-1", "card-1", 25)}, "card-1", storagetest::dayTime(5)));
    const auto history = ledger.history("m-1", 3).value();
    LONGS_EQUAL(3, history.size());
    STRCMP_EQUAL(spent->at(0).id.c_str(), history[0].eventId.c_str());
    CHECK(history[0].type == loyalty::EventType::Redeem);
    LONGS_EQUAL(-25, history[0].pointsDelta);
    STRCMP_EQUAL("Reward: free coffee", history[0].reason.c_str());
    CHECK(history[0].at == storagetest::dayTime(5).at);
    STRCMP_EQUAL(ids[3].c_str(), history[1].eventId.c_str());
    LONGS_EQUAL(40, history[1].pointsDelta);
    STRCMP_EQUAL(ids[2].c_str(), history[2].eventId.c_str());
    CHECK_COMPARE(history[0].seq, >, history[1].seq);
    LONGS_EQUAL(5, ledger.history("m-1", 100)->size());
    LONGS_EQUAL(0, ledger.history("nobody", 10)->size());
}

TEST(LedgerRepository, FindGivesTheEventAsTheRulesNeedItAndWhetherItWasVoided) {
    auto event = earn("m-1", "card-1", 30, 2599);
    event.offerId = "o-1";
    auto recorded = recorder.record(request({event}));
    auto found = ledger.find(recorded->at(0).id);
    CHECK_TRUE(found.hasValue() && found->has_value());
    CHECK((*found)->event == event);
    CHECK((*found)->at == storagetest::dayTime(0).at);
    CHECK_FALSE((*found)->voided);
    CHECK_TRUE(recorder.record(request({storagetest::voidOf(**found)})).hasValue());
    CHECK_TRUE(ledger.find(recorded->at(0).id)->value().voided);
    CHECK_FALSE(ledger.find("00000000-0000-4000-8000-000000000000")->has_value());
}

TEST(LedgerRepository, HistoryMarksVoidedLines) {
    auto recorded = recorder.record(request({earn("m-1", "card-1", 30)}));
    CHECK_TRUE(recorder.record(request({storagetest::voidOf(recorded->at(0))})).hasValue());
    const auto history = ledger.history("m-1", 10).value();
    LONGS_EQUAL(2, history.size());
    CHECK(history[0].type == loyalty::EventType::Void);
    CHECK_FALSE(history[0].voided);
    CHECK_TRUE(history[1].voided);
}

TEST(LedgerRepository, CountAndLastSequence) {
    LONGS_EQUAL(0, ledger.count().value());
    LONGS_EQUAL(0, ledger.lastSequence().value());
    CHECK_TRUE(recorder.record(request({earn("m-1", "card-1", 1), earn("m-1", "card-1", 2)})).hasValue());
    LONGS_EQUAL(2, ledger.count().value());
    LONGS_EQUAL(2, ledger.lastSequence().value());
}
