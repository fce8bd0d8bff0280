#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "storage/AccountReader.h"
#include "storage/DecisionRecorder.h"
#include "storage/LedgerRepository.h"
#include "storage/Uuid.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using loyalty::EventType;
using storagetest::dayTime;
using storagetest::earn;
using storagetest::redeem;
using storagetest::request;

// The write path's transaction: sequence, ledger, outbox, all or nothing.
// The effects on the member cache are in DecisionRecorderEffectsTest.cpp.
namespace {
// What KioskIdentity::nextSequence() reads (outside a transaction here).
const char* const kNextSeq =
    "SELECT max(sequence_floor, coalesce((SELECT max(seq) FROM ledger), 0) + 1) FROM kiosk";
}  // namespace

TEST_GROUP(DecisionRecorder) {
    storagetest::StorageTestDatabase t{"kiosk-recorder"};
    storage::DecisionRecorder recorder{t.db};
    void setup() override {
        t.addMember("m-1", 500);
        t.addCard("card-1", "m-1");
    }

    struct Counts {
        std::int64_t ledger, outbox, lots, nextSeq, pending;
        bool operator==(const Counts&) const = default;
    };
    Counts counts() {
        return Counts{t.count("ledger"), t.count("outbox"), t.count("point_lots"),
                      t.queryInt(kNextSeq),
                      t.queryInt("SELECT pending_delta FROM members WHERE id = 'm-1'")};
    }
};

TEST(DecisionRecorder, SequenceNumbersRunWithoutGapsAcrossDecisions) {
    for (int i = 0; i < 5; ++i) {
        auto recorded = recorder.record(request({earn("m-1", "card-1", 10), earn("m-1", "card-1", 5)}));
        CHECK_TRUE(recorded.hasValue());
        LONGS_EQUAL(2, recorded->size());
    }
    CHECK_FALSE(recorder.record(request({redeem("m-1", "card-1", 100000)})).hasValue());  // refused: no gap
    CHECK_TRUE(recorder.record(request({earn("m-1", "card-1", 1)})).hasValue());
    LONGS_EQUAL(11, t.count("ledger"));
    LONGS_EQUAL(11, t.queryInt("SELECT max(seq) FROM ledger"));
    LONGS_EQUAL(1, t.queryInt("SELECT min(seq) FROM ledger"));
    LONGS_EQUAL(12, t.queryInt(kNextSeq));
    LONGS_EQUAL(0, t.queryInt("SELECT count(*) FROM ledger l LEFT JOIN outbox o ON o.seq = l.seq "
                              "WHERE o.seq IS NULL OR json_extract(o.payload, '$.id') <> l.id"));
}

TEST(DecisionRecorder, EachEventGetsAUuidTheKioskIdAndTheTimesGiven) {
    auto time = storagetest::timeAt(storagetest::kDay0Ms + 1234, 987654321);
    auto recorded = recorder.record(request({earn("m-1", "card-1", 10)}, "card-1", time));
    CHECK_TRUE(recorded.hasValue());
    const loyalty::RecordedEvent& event = recorded->at(0);
    CHECK_TRUE(storage::Uuid::isCanonical(event.id));
    CHECK_EQUAL(7, storage::Uuid::parse(event.id)->version());  // time-ordered (storage/Uuid.h)
    CHECK(event.at == time.at);
    CHECK(event.event == earn("m-1", "card-1", 10));
    CHECK_FALSE(event.voided);
    auto row = t.db.prepare("SELECT kiosk_id, wall_time, utc_offset, monotonic_ns, type, staff_id FROM ledger");
    CHECK_TRUE(row->step().value());
    STRCMP_EQUAL("kiosk-7", row->columnText(0).c_str());
    LONGS_EQUAL(storagetest::kDay0Ms + 1234, row->columnInt64(1));
    LONGS_EQUAL(storagetest::kOffset, row->columnInt64(2));
    LONGS_EQUAL(987654321, row->columnInt64(3));
    STRCMP_EQUAL("earn", row->columnText(4).c_str());
    STRCMP_EQUAL("staff-1", row->columnText(5).c_str());
}

TEST(DecisionRecorder, TheOutboxPayloadIsTheEventAsItWillBeUploaded) {
    auto event = redeem("m-1", "card-1", 100);
    event.staffId = "s-9";
    auto recorded = recorder.record(request({event}, "card-1", storagetest::timeAt(storagetest::kDay0Ms, 55)));
    auto row = t.db.prepare("SELECT payload, attempts, next_attempt_at, acknowledged_at FROM outbox");
    CHECK_TRUE(row->step().value());
    const auto json = nlohmann::json::parse(row->columnText(0), nullptr, false);
    CHECK_FALSE(json.is_discarded());
    STRCMP_EQUAL(recorded->at(0).id.c_str(), json["id"].get<std::string>().c_str());
    STRCMP_EQUAL("kiosk-7", json["kiosk_id"].get<std::string>().c_str());
    LONGS_EQUAL(1, json["seq"].get<std::int64_t>());
    STRCMP_EQUAL("redeem", json["type"].get<std::string>().c_str());
    STRCMP_EQUAL("m-1", json["member_id"].get<std::string>().c_str());
    STRCMP_EQUAL("card-1", json["card"].get<std::string>().c_str());
    LONGS_EQUAL(-100, json["points_delta"].get<std::int64_t>());
    STRCMP_EQUAL("coffee", json["reward_id"].get<std::string>().c_str());
    CHECK_TRUE(json["offer_id"].is_null());
    CHECK_TRUE(json["voids_event_id"].is_null());
    STRCMP_EQUAL("s-9", json["staff_id"].get<std::string>().c_str());
    STRCMP_EQUAL("Reward: free coffee", json["reason"].get<std::string>().c_str());
    LONGS_EQUAL(storagetest::kDay0Ms, json["wall_time"].get<std::int64_t>());
    LONGS_EQUAL(storagetest::kOffset, json["utc_offset"].get<std::int64_t>());
    LONGS_EQUAL(55, json["monotonic_ns"].get<std::int64_t>());
    LONGS_EQUAL(0, row->columnInt64(1));
    LONGS_EQUAL(0, row->columnInt64(2));
    CHECK_TRUE(row->columnIsNull(3));
}

TEST(DecisionRecorder, ARefusedSpendWritesNothing) {
    CHECK_TRUE(recorder.record(request({earn("m-1", "card-1", 20)})).hasValue());
    const Counts before = counts();
    const auto cardBefore = storage::CardRepository(t.db).get("card-1")->value();
    auto refused = recorder.record(request({earn("m-1", "card-1", 30), redeem("m-1", "card-1", 600)}));
    CHECK_FALSE(refused.hasValue());
    CHECK(refused.error().code == storage::ErrorCode::Constraint);
    STRCMP_CONTAINS("available", refused.error().message.c_str());
    CHECK(counts() == before);
    const auto cardAfter = storage::CardRepository(t.db).get("card-1")->value();
    LONGS_EQUAL(cardBefore.transactionsCount, cardAfter.transactionsCount);
    LONGS_EQUAL(20, t.queryInt("SELECT points FROM earned_points"));
}

TEST(DecisionRecorder, AFailureHalfWayLeavesNothingOfTheDecision) {
    const std::string same = storage::Uuid::random()->text();
    int calls = 0;
    storage::DecisionRecorder twice(t.db, [&]() -> storage::Result<std::string> {
        ++calls;
        return calls <= 2 ? same : storage::Uuid::random()->text();  // 2nd event: UNIQUE(id) violated
    });
    CHECK_TRUE(recorder.record(request({earn("m-1", "card-1", 20)})).hasValue());
    const Counts before = counts();
    auto failed = twice.record(request({earn("m-1", "card-1", 30), redeem("m-1", "card-1", 10)}));
    CHECK_FALSE(failed.hasValue());
    CHECK(failed.error().code == storage::ErrorCode::Constraint);
    CHECK(counts() == before);
    LONGS_EQUAL(0, t.queryInt("SELECT count(*) FROM member_counters"));
    LONGS_EQUAL(1, t.queryInt("SELECT transactions_count FROM cards"));
    // The connection is usable afterwards and the numbering continues.
    auto next = twice.record(request({earn("m-1", "card-1", 1)}));
    CHECK_TRUE(next.hasValue());
    LONGS_EQUAL(2, t.queryInt("SELECT max(seq) FROM ledger"));
}

TEST(DecisionRecorder, AnEventForAMemberNotHereIsRefusedWithNothingWritten) {
    const Counts before = counts();
    auto refused = recorder.record(request({earn("m-1", "card-1", 5), earn("ghost", "", 5)}, ""));
    CHECK_FALSE(refused.hasValue());
    CHECK(refused.error().code == storage::ErrorCode::NotFound);
    STRCMP_CONTAINS("ghost", refused.error().message.c_str());
    CHECK(counts() == before);
}

TEST(DecisionRecorder, AnUnknownCardToCountIsRefused) {
    auto refused = recorder.record(request({earn("m-1", "card-1", 5)}, "card-404"));
    CHECK(refused.error().code == storage::ErrorCode::NotFound);
    LONGS_EQUAL(0, t.count("ledger"));
}

TEST(DecisionRecorder, AnUnprovisionedKioskRecordsNothing) {
    storagetest::StorageTestDatabase bare{"kiosk-bare", false};
    bare.addMember("m-1", 10);
    storage::DecisionRecorder bareRecorder(bare.db);
    auto refused = bareRecorder.record(request({earn("m-1", "", 5)}, ""));
    CHECK(refused.error().code == storage::ErrorCode::NotFound);
    STRCMP_CONTAINS("provision", refused.error().message.c_str());
    LONGS_EQUAL(0, bare.count("ledger"));
}

TEST(DecisionRecorder, AnEmptyDecisionRecordsNothing) {
    auto none = recorder.record(request({}));
    CHECK_TRUE(none.hasValue());
    LONGS_EQUAL(0, none->size());
    LONGS_EQUAL(1, t.queryInt(kNextSeq));
}

TEST(DecisionRecorder, AnEnrolmentInsertsTheMemberAndItsFirstCardWithItsEvents) {
    auto req = request({storagetest::draft(EventType::Enrol, "m-new", "card-new", 0, "Welcome"),
                        storagetest::draft(EventType::CardLink, "m-new", "card-new", 0, "Card added")},
                       "card-new");
    storage::MemberRecord member;
    member.id = "m-new";
    member.displayName = "Noor";
    member.enrolledOn = storagetest::dateOf(0);
    req.newMember = member;
    req.linkedCardKind = storage::CardKind::Ntag21x;
    auto recorded = recorder.record(req);
    CHECK_TRUE(recorded.hasValue());
    auto account = storage::AccountReader(t.db).loadByCardToken("card-new", storagetest::dateOf(0));
    CHECK_TRUE(account->has_value());
    STRCMP_EQUAL("Noor", (*account)->member.displayName.c_str());
    CHECK((*account)->cardKind == storage::CardKind::Ntag21x);
    CHECK(*(*account)->member.lastActivityOn == storagetest::dateOf(0));
    // Enrolling the same member again: refused, nothing written.
    const auto ledgerRows = t.count("ledger");
    auto again = recorder.record(req);
    CHECK(again.error().code == storage::ErrorCode::Constraint);
    LONGS_EQUAL(ledgerRows, t.count("ledger"));
}

TEST(DecisionRecorder, ACardOfAnotherMemberCannotBeLinked) {
    t.addMember("m-2");
    auto refused = recorder.record(
        request({storagetest::draft(EventType::CardLink, "m-2", "card-1", 0, "Card added")}, "card-1"));
    CHECK(refused.error().code == storage::ErrorCode::Constraint);
    STRCMP_EQUAL("m-1", storage::CardRepository(t.db).get("card-1")->value().memberId.c_str());
    LONGS_EQUAL(0, t.count("ledger"));
}
