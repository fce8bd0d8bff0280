#include <string>
#include <vector>

#include "storage/AccountReader.h"
#include "storage/DecisionRecorder.h"
#include "storage/Outbox.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using storage::DeliveryResult;
using storagetest::earn;
using storagetest::kDay0Ms;
using storagetest::redeem;
using storagetest::request;

TEST_GROUP(Outbox) {
    storagetest::StorageTestDatabase t{"kiosk-outbox"};
    storage::DecisionRecorder recorder{t.db};
    storage::Outbox outbox{t.db};
    void setup() override {
        t.addMember("m-1", 500);
        t.addCard("card-1", "m-1");
    }
    std::string recordOne(const loyalty::EventDraft& event, std::int64_t wallMs = kDay0Ms) {
        auto recorded = recorder.record(request({event}, "card-1", storagetest::timeAt(wallMs)));
        CHECK_TRUE(recorded.hasValue());
        return recorded->at(0).id;
    }
    std::int64_t confirmed() { return t.queryInt("SELECT confirmed_balance FROM members WHERE id = 'm-1'"); }
    std::int64_t pending() { return t.queryInt("SELECT pending_delta FROM members WHERE id = 'm-1'"); }
};

TEST(Outbox, TheNextBatchIsDueUnacknowledgedEventsInSequenceOrder) {
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        ids.push_back(recordOne(earn("m-1", "card-1", 10 + i)));
    }
    auto batch = outbox.nextBatch(kDay0Ms, 3).value();
    LONGS_EQUAL(3, batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
        STRCMP_EQUAL(ids[i].c_str(), batch[i].eventId.c_str());
        LONGS_EQUAL(static_cast<long>(i + 1), batch[i].seq);
        STRCMP_CONTAINS(ids[i].c_str(), batch[i].payload.c_str());
    }
    CHECK_TRUE(outbox.markFailure({ids[0], ids[1]}, "HTTP 503", kDay0Ms + 30000).hasValue());
    batch = outbox.nextBatch(kDay0Ms + 1000, 10).value();
    LONGS_EQUAL(3, batch.size());
    STRCMP_EQUAL(ids[2].c_str(), batch[0].eventId.c_str());
    batch = outbox.nextBatch(kDay0Ms + 30000, 10).value();
    LONGS_EQUAL(5, batch.size());
    LONGS_EQUAL(1, batch[0].attempts);
    LONGS_EQUAL(kDay0Ms + 30000, batch[0].nextAttemptAt);
    LONGS_EQUAL(0, batch[2].attempts);
    STRCMP_EQUAL("HTTP 503", t.db.queryText("SELECT last_error FROM outbox WHERE seq = 1")->c_str());
}

TEST(Outbox, TheBatchAfterASequenceNumberSkipsTheEventsStillInFlight) {
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        ids.push_back(recordOne(earn("m-1", "card-1", 10 + i)));
    }
    // Backing off or not, events go in sequence order after the given seq.
    CHECK_TRUE(outbox.markFailure({ids[3]}, "HTTP 503", kDay0Ms + 30000).hasValue());
    auto batch = outbox.nextBatchAfter(2, 10).value();
    LONGS_EQUAL(3, batch.size());
    STRCMP_EQUAL(ids[2].c_str(), batch[0].eventId.c_str());
    LONGS_EQUAL(3, batch[0].seq);
    STRCMP_EQUAL(ids[3].c_str(), batch[1].eventId.c_str());
    LONGS_EQUAL(1, batch[1].attempts);
    LONGS_EQUAL(5, outbox.nextBatchAfter(0, 10)->size());
    LONGS_EQUAL(2, outbox.nextBatchAfter(0, 2)->size());
    // Acknowledged events are not sent again, whatever the seq asked from.
    CHECK_TRUE(outbox.markResults({{ids[0], DeliveryResult::Accepted, ""}, {ids[1], DeliveryResult::Accepted, ""}},
                                  kDay0Ms + 5)
                   .hasValue());
    batch = outbox.nextBatchAfter(0, 10).value();
    LONGS_EQUAL(3, batch.size());
    STRCMP_EQUAL(ids[2].c_str(), batch[0].eventId.c_str());
    LONGS_EQUAL(0, outbox.nextBatchAfter(5, 10)->size());
}

TEST(Outbox, AMembersDeltasAnsweredInOneBatchMoveTogether) {
    std::vector<std::string> ids;
    for (int i = 0; i < 4; ++i) {
        ids.push_back(recordOne(earn("m-1", "card-1", 10 + i)));
    }
    const std::int64_t before = confirmed();
    LONGS_EQUAL(10 + 11 + 12 + 13, pending());
    CHECK_TRUE(outbox.markResults({{ids[0], DeliveryResult::Accepted, ""},
                                   {ids[1], DeliveryResult::Duplicate, ""},
                                   {ids[2], DeliveryResult::Rejected, "x"},
                                   {ids[3], DeliveryResult::Accepted, ""},
                                   {ids[0], DeliveryResult::Accepted, ""}},
                                  kDay0Ms + 5)
                   .hasValue());
    LONGS_EQUAL(before + 10 + 11 + 13, confirmed());
    LONGS_EQUAL(12, pending());
}

TEST(Outbox, AnswersOutOfOrderLeaveTheUnansweredEventsQueuedAndTheMarkBelowThem) {
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        ids.push_back(recordOne(earn("m-1", "card-1", 10 + i)));
    }
    LONGS_EQUAL(1, t.queryInt("SELECT outbox_low_water FROM kiosk"));
    CHECK_TRUE(outbox.markResults({{ids[1], DeliveryResult::Accepted, ""}, {ids[3], DeliveryResult::Rejected, "x"}},
                                  kDay0Ms + 5)
                   .hasValue());
    LONGS_EQUAL(1, t.queryInt("SELECT outbox_low_water FROM kiosk"));  // seq 1 still waits
    auto batch = outbox.nextBatch(kDay0Ms + 10, 10).value();
    LONGS_EQUAL(3, batch.size());
    LONGS_EQUAL(1, batch[0].seq);
    LONGS_EQUAL(3, batch[1].seq);
    LONGS_EQUAL(5, batch[2].seq);
    LONGS_EQUAL(3, outbox.depth().value());
    CHECK_TRUE(outbox.markResults({{ids[0], DeliveryResult::Accepted, ""}}, kDay0Ms + 6).hasValue());
    LONGS_EQUAL(3, t.queryInt("SELECT outbox_low_water FROM kiosk"));
    CHECK_TRUE(outbox.markResults({{ids[2], DeliveryResult::Accepted, ""}, {ids[4], DeliveryResult::Duplicate, ""}},
                                  kDay0Ms + 7)
                   .hasValue());
    LONGS_EQUAL(6, t.queryInt("SELECT outbox_low_water FROM kiosk"));  // past the last row
    LONGS_EQUAL(0, outbox.depth().value());
    LONGS_EQUAL(0, outbox.nextBatch(kDay0Ms + 10, 10)->size());
    const auto later = recordOne(earn("m-1", "card-1", 1));  // seq 6, at the mark
    batch = outbox.nextBatch(kDay0Ms + 10, 10).value();
    LONGS_EQUAL(1, batch.size());
    STRCMP_EQUAL(later.c_str(), batch[0].eventId.c_str());
    LONGS_EQUAL(1, outbox.depth().value());
}

TEST(Outbox, AnAcceptedEventMovesItsDeltaFromPendingToConfirmed) {
    const auto earned = recordOne(earn("m-1", "card-1", 40));
    const auto spent = recordOne(redeem("m-1", "card-1", 100));
    LONGS_EQUAL(-60, pending());
    CHECK_TRUE(outbox.markResults({{earned, DeliveryResult::Accepted, ""}}, kDay0Ms + 5).hasValue());
    LONGS_EQUAL(540, confirmed());
    LONGS_EQUAL(-100, pending());
    CHECK_TRUE(outbox.markResults({{spent, DeliveryResult::Duplicate, ""}}, kDay0Ms + 6).hasValue());
    LONGS_EQUAL(440, confirmed());
    LONGS_EQUAL(0, pending());
    LONGS_EQUAL(0, outbox.depth().value());
    LONGS_EQUAL(0, outbox.nextBatch(kDay0Ms + 10, 10)->size());
    LONGS_EQUAL(kDay0Ms + 5, t.queryInt("SELECT acknowledged_at FROM outbox WHERE seq = 1"));
    STRCMP_EQUAL("duplicate", t.db.queryText("SELECT result FROM outbox WHERE seq = 2")->c_str());
    LONGS_EQUAL(2, t.queryInt("SELECT count(*) FROM outbox WHERE payload IS NULL"));  // the ledger says the same
    // Balance on screen = confirmed + pending throughout.
    auto account = storage::AccountReader(t.db).loadByCardToken("card-1", storagetest::dateOf(0));
    LONGS_EQUAL(440, (*account)->member.balance());
}

TEST(Outbox, AnAnswerForAnAcknowledgedEventChangesNothingTwice) {
    const auto earned = recordOne(earn("m-1", "card-1", 40));
    CHECK_TRUE(outbox.markResults({{earned, DeliveryResult::Accepted, ""}}, kDay0Ms + 5).hasValue());
    // The answer was lost on the way back; the retry is answered "duplicate".
    CHECK_TRUE(outbox.markResults({{earned, DeliveryResult::Duplicate, ""}}, kDay0Ms + 9).hasValue());
    CHECK_TRUE(outbox.markResults({{earned, DeliveryResult::Accepted, ""}, {earned, DeliveryResult::Duplicate, ""}},
                                  kDay0Ms + 10)
                   .hasValue());
    LONGS_EQUAL(540, confirmed());
    LONGS_EQUAL(0, pending());
    LONGS_EQUAL(kDay0Ms + 5, t.queryInt("SELECT acknowledged_at FROM outbox"));
    STRCMP_EQUAL("accepted", t.db.queryText("SELECT result FROM outbox")->c_str());
}

TEST(Outbox, ARejectedEventIsKeptListedAndItsDeltaStaysPending) {
    const auto spent = recordOne(redeem("m-1", "card-1", 100));
    const auto earned = recordOne(earn("m-1", "card-1", 10));
    CHECK_TRUE(outbox.markResults({{spent, DeliveryResult::Rejected, "overdrawn after store 12 synced"},
                                   {earned, DeliveryResult::Accepted, ""}},
                                  kDay0Ms + 7)
                   .hasValue());
    LONGS_EQUAL(510, confirmed());
    LONGS_EQUAL(-100, pending());
    LONGS_EQUAL(0, outbox.depth().value());
    LONGS_EQUAL(2, t.count("ledger"));
    STRCMP_CONTAINS(spent.c_str(), t.db.queryText("SELECT payload FROM outbox WHERE seq = 1")->c_str());  // kept
    const auto rejected = outbox.rejected().value();
    LONGS_EQUAL(1, rejected.size());
    STRCMP_EQUAL(spent.c_str(), rejected[0].eventId.c_str());
    CHECK(rejected[0].type == loyalty::EventType::Redeem);
    STRCMP_EQUAL("m-1", rejected[0].memberId.c_str());
    LONGS_EQUAL(-100, rejected[0].pointsDelta);
    STRCMP_EQUAL("Reward: free coffee", rejected[0].eventReason.c_str());
    STRCMP_EQUAL("overdrawn after store 12 synced", rejected[0].rejectionReason.c_str());
    LONGS_EQUAL(kDay0Ms + 7, rejected[0].rejectedAt);
    // A later "accepted" for it changes nothing: it was answered.
    CHECK_TRUE(outbox.markResults({{spent, DeliveryResult::Accepted, ""}}, kDay0Ms + 8).hasValue());
    LONGS_EQUAL(510, confirmed());
    LONGS_EQUAL(1, outbox.rejected()->size());
}

TEST(Outbox, ResolvingARejectionTakesItsDeltaOutOfPending) {
    const auto spent = recordOne(redeem("m-1", "card-1", 100));
    CHECK_TRUE(outbox.markResults({{spent, DeliveryResult::Rejected, ""}}, kDay0Ms + 7).hasValue());
    STRCMP_CONTAINS("without a reason", outbox.rejected()->at(0).rejectionReason.c_str());
    CHECK_TRUE(outbox.resolveRejected(spent, kDay0Ms + 9).hasValue());
    LONGS_EQUAL(500, confirmed());
    LONGS_EQUAL(0, pending());
    LONGS_EQUAL(0, outbox.rejected()->size());
    CHECK(outbox.resolveRejected(spent, kDay0Ms + 10).error().code == storage::ErrorCode::NotFound);
}

TEST(Outbox, AnAnswerForAnUnknownEventAppliesNothingOfTheBatch) {
    const auto earned = recordOne(earn("m-1", "card-1", 40));
    auto result = outbox.markResults(
        {{earned, DeliveryResult::Accepted, ""}, {"not-ours", DeliveryResult::Accepted, ""}}, kDay0Ms + 5);
    CHECK_FALSE(result.hasValue());
    CHECK(result.error().code == storage::ErrorCode::NotFound);
    LONGS_EQUAL(500, confirmed());
    LONGS_EQUAL(40, pending());
    LONGS_EQUAL(1, outbox.depth().value());
}

TEST(Outbox, DepthAgeAndUnsyncedRedeemedPoints) {
    CHECK_FALSE(outbox.oldestUnsentAgeMs(kDay0Ms)->has_value());
    LONGS_EQUAL(0, outbox.unsyncedRedeemedPoints().value());
    const auto first = recordOne(redeem("m-1", "card-1", 100), kDay0Ms);
    recordOne(earn("m-1", "card-1", 40), kDay0Ms + 1000);
    recordOne(redeem("m-1", "card-1", 30), kDay0Ms + 2000);
    LONGS_EQUAL(3, outbox.depth().value());
    LONGS_EQUAL(60000, outbox.oldestUnsentAgeMs(kDay0Ms + 60000)->value());
    LONGS_EQUAL(130, outbox.unsyncedRedeemedPoints().value());
    CHECK_TRUE(outbox.markResults({{first, DeliveryResult::Accepted, ""}}, kDay0Ms + 3000).hasValue());
    LONGS_EQUAL(2, outbox.depth().value());
    LONGS_EQUAL(59000, outbox.oldestUnsentAgeMs(kDay0Ms + 60000)->value());
    LONGS_EQUAL(30, outbox.unsyncedRedeemedPoints().value());
}

TEST(Outbox, PruningSkipsOpenRejectionsAndTakesTheRest) {
    const auto spent = recordOne(redeem("m-1", "card-1", 100));
    const auto earned = recordOne(earn("m-1", "card-1", 10));
    recordOne(earn("m-1", "card-1", 1));  // not acknowledged: stays
    const std::vector<storage::DeliveryOutcome> answers{{spent, DeliveryResult::Rejected, "overdrawn"},
                                                        {earned, DeliveryResult::Accepted, ""}};
    CHECK_TRUE(outbox.markResults(answers, kDay0Ms + 7).hasValue());
    // What a prune does (storage/Maintenance): open the gate, delete acknowledged rows past it.
    CHECK_TRUE(t.db.exec("BEGIN IMMEDIATE; INSERT INTO prune_gate VALUES (1, " + std::to_string(kDay0Ms + 100) +
                         "); DELETE FROM ledger WHERE seq IN (SELECT seq FROM outbox WHERE acknowledged_at < " +
                         std::to_string(kDay0Ms + 100) + "); DELETE FROM prune_gate; COMMIT;")
                   .hasValue());
    LONGS_EQUAL(2, t.count("ledger"));
    LONGS_EQUAL(2, t.count("outbox"));
    LONGS_EQUAL(1, outbox.rejected()->size());
    CHECK_TRUE(t.db.exec("DELETE FROM outbox WHERE result = 'rejected'").hasValue());  // directly: also kept
    LONGS_EQUAL(1, outbox.rejected()->size());
    // Once reconciled, the next prune may take it.
    CHECK_TRUE(outbox.resolveRejected(spent, kDay0Ms + 8).hasValue());
    CHECK_TRUE(t.db.exec("BEGIN IMMEDIATE; INSERT INTO prune_gate VALUES (1, " + std::to_string(kDay0Ms + 100) +
                         "); DELETE FROM ledger WHERE seq IN (SELECT seq FROM outbox WHERE acknowledged_at < " +
                         std::to_string(kDay0Ms + 100) + "); DELETE FROM prune_gate; COMMIT;")
                   .hasValue());
    LONGS_EQUAL(1, t.count("ledger"));
    LONGS_EQUAL(1, t.count("outbox"));
}
