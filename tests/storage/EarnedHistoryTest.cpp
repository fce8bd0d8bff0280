// A member record from head office that carries an earning history
// (MemberRecord::earned): earned_points becomes that history plus this
// kiosk's earns head office has not acknowledged (Outbox::pendingEarned),
// so an acknowledged earn is never counted twice and a pending one is never
// lost. Real database files, events recorded through DecisionRecorder.

#include <map>
#include <string>
#include <vector>

#include "storage/DecisionRecorder.h"
#include "storage/MemberRepository.h"
#include "storage/Outbox.h"
#include "storage/Transaction.h"
#include "tests/storage/StorageTestDatabase.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using storage::DeliveryResult;
using storagetest::dateOf;
using storagetest::dayTime;
using storagetest::earn;
using storagetest::request;

TEST_GROUP(EarnedHistory) {
    storagetest::StorageTestDatabase t{"kiosk-earned"};
    storage::DecisionRecorder recorder{t.db};
    storage::MemberRepository members{t.db};
    storage::Outbox outbox{t.db};

    void setup() override {
        t.addMember("m-1", 500);
        t.addCard("card-1", "m-1");
        t.addMember("m-2", 100);
        t.addCard("card-2", "m-2");
    }

    loyalty::RecordedEvent record(const loyalty::EventDraft& event, std::int64_t day,
                                  const std::string& card = "card-1") {
        auto recorded = recorder.record(request({event}, card, dayTime(day)));
        CHECK_TRUE_TEXT(recorded.hasValue(), recorded ? "" : recorded.error().describe().c_str());
        return recorded ? recorded->at(0) : loyalty::RecordedEvent{};
    }
    void answer(const loyalty::RecordedEvent& event, DeliveryResult result) {
        CHECK_TRUE(outbox.markResults({{event.id, result, result == DeliveryResult::Rejected ? "invalid: no" : ""}},
                                      storagetest::kDay0Ms)
                       .hasValue());
    }
    // earned_points of a member: day (relative to kDay0Ms) -> points.
    std::map<std::int64_t, loyalty::Points> rows(const std::string& memberId) {
        std::map<std::int64_t, loyalty::Points> out;
        const std::int64_t day0 = loyalty::daysSinceEpoch(dateOf(0));
        auto earned = members.earned(memberId);
        CHECK_TRUE(earned.hasValue());
        if (!earned) {
            return out;
        }
        const std::vector<loyalty::EarnedEntry> entries = std::move(earned.value());
        for (const loyalty::EarnedEntry& entry : entries) {
            out[loyalty::daysSinceEpoch(entry.on) - day0] = entry.points;
        }
        return out;
    }
    // A record from head office for m-1 (balance `confirmed`) with this history (days relative to kDay0Ms).
    storage::MemberRecord fromHeadOffice(const std::map<std::int64_t, loyalty::Points>& history,
                                         loyalty::Points confirmed = 500) {
        auto member = members.get("m-1").value().value();
        member.confirmedBalance = confirmed;
        member.earned = std::vector<loyalty::EarnedEntry>{};
        for (const auto& [day, points] : history) {
            member.earned->push_back(loyalty::EarnedEntry{dateOf(day), points});
        }
        return member;
    }
};

TEST(EarnedHistory, PendingEarnedIsWhatTheUnacknowledgedEventsAddedOnTheirDays) {
    const auto first = record(earn("m-1", "card-1", 40), -5);
    const auto second = record(earn("m-1", "card-1", 25), -2);
    record(earn("m-2", "card-2", 99), -2, "card-2");
    record(storagetest::voidOf(first), 0);  // a void of the day -5 earn, recorded today
    auto pending = outbox.pendingEarned("m-1");
    CHECK_TRUE(pending.hasValue());
    LONGS_EQUAL(3, pending->size());
    CHECK((*pending)[0].on == dateOf(-5));
    LONGS_EQUAL(40, (*pending)[0].points);
    CHECK((*pending)[1].on == dateOf(-2));
    LONGS_EQUAL(25, (*pending)[1].points);
    CHECK((*pending)[2].on == dateOf(-5));  // on the earn's day, not the void's
    LONGS_EQUAL(-40, (*pending)[2].points);
    // Acknowledged: no longer pending. Rejected and not reconciled: still pending (pending_delta keeps it).
    answer(first, DeliveryResult::Accepted);
    answer(second, DeliveryResult::Rejected);
    pending = outbox.pendingEarned("m-1");
    LONGS_EQUAL(2, pending->size());
    LONGS_EQUAL(25, (*pending)[0].points);
    LONGS_EQUAL(-40, (*pending)[1].points);
    CHECK_TRUE(outbox.resolveRejected(second.id, storagetest::kDay0Ms).hasValue());
    pending = outbox.pendingEarned("m-1");
    LONGS_EQUAL(1, pending->size());
    LONGS_EQUAL(-40, (*pending)[0].points);
    // Redeems and other members never count.
    record(storagetest::redeem("m-1", "card-1", 50), 0);
    LONGS_EQUAL(1, outbox.pendingEarned("m-1")->size());
    LONGS_EQUAL(0, outbox.pendingEarned("m-9")->size());
}

TEST(EarnedHistory, HeadOfficesHistoryReplacesTheRowsAndAPendingEarnIsKept) {
    record(earn("m-1", "card-1", 30), -1);  // not uploaded yet
    CHECK_TRUE(members.upsert(fromHeadOffice({{-200, 800}, {-30, 1300}}), storagetest::kDay0Ms).hasValue());
    const auto got = rows("m-1");
    LONGS_EQUAL(3, got.size());
    LONGS_EQUAL(800, got.at(-200));
    LONGS_EQUAL(1300, got.at(-30));
    LONGS_EQUAL(30, got.at(-1));  // this kiosk's own, head office has not seen it
    // The other member's rows are not touched.
    record(earn("m-2", "card-2", 7), -3, "card-2");
    CHECK_TRUE(members.upsert(fromHeadOffice({{-30, 1300}}), storagetest::kDay0Ms).hasValue());
    LONGS_EQUAL(2, rows("m-1").size());
    LONGS_EQUAL(7, rows("m-2").at(-3));
}

TEST(EarnedHistory, AnAcknowledgedEarnIsInHeadOfficesHistoryAndIsNotCountedTwice) {
    const auto earned = record(earn("m-1", "card-1", 30), -1);
    answer(earned, DeliveryResult::Accepted);
    // Head office's history holds the 30 of day -1 (and another kiosk's 20 that day).
    CHECK_TRUE(members.upsert(fromHeadOffice({{-1, 50}}, 530), storagetest::kDay0Ms).hasValue());
    const auto got = rows("m-1");
    LONGS_EQUAL(1, got.size());
    LONGS_EQUAL(50, got.at(-1));
    // A duplicate answer acknowledges the same way.
    const auto again = record(earn("m-1", "card-1", 5), 0);
    answer(again, DeliveryResult::Duplicate);
    CHECK_TRUE(members.upsert(fromHeadOffice({{-1, 50}, {0, 5}}, 535), storagetest::kDay0Ms).hasValue());
    LONGS_EQUAL(5, rows("m-1").at(0));
}

TEST(EarnedHistory, APendingVoidOfAnAcknowledgedEarnTakesItsPointsOffTheEarnsDay) {
    const auto earned = record(earn("m-1", "card-1", 30), -4);
    answer(earned, DeliveryResult::Accepted);
    record(storagetest::voidOf(earned), 0);  // not uploaded yet
    CHECK_TRUE(members.upsert(fromHeadOffice({{-4, 30}, {-2, 10}}, 530), storagetest::kDay0Ms).hasValue());
    const auto got = rows("m-1");
    LONGS_EQUAL(1, got.size());  // day -4 at 0 is no row
    LONGS_EQUAL(10, got.at(-2));
    // The rules see the same: 10 earned in the window.
    auto state = members.loadState("m-1").value().value();
    loyalty::Points sum = 0;
    for (const auto& entry : state.earned) {
        sum += entry.points;
    }
    LONGS_EQUAL(10, sum);
}

TEST(EarnedHistory, WithoutAHistoryTheRowsStayAndABadOneChangesNothing) {
    record(earn("m-1", "card-1", 30), -1);
    auto member = members.get("m-1").value().value();
    CHECK_FALSE(member.earned.has_value());  // get() never reads it back
    member.confirmedBalance = 999;
    CHECK_TRUE(members.upsert(member, storagetest::kDay0Ms).hasValue());  // an older head office
    LONGS_EQUAL(30, rows("m-1").at(-1));
    auto bad = fromHeadOffice({{-3, 10}}, 1);
    bad.earned->push_back(loyalty::EarnedEntry{dateOf(-2), -5});
    auto refused = members.upsert(bad, storagetest::kDay0Ms);
    CHECK_FALSE(refused.hasValue());
    CHECK(refused.error().code == storage::ErrorCode::InvalidArgument);
    LONGS_EQUAL(999, members.get("m-1").value()->confirmedBalance);
    LONGS_EQUAL(1, rows("m-1").size());
    // An empty history: nothing earned at head office, only the pending earn stays.
    CHECK_TRUE(members.upsert(fromHeadOffice({}), storagetest::kDay0Ms).hasValue());
    LONGS_EQUAL(1, rows("m-1").size());
    LONGS_EQUAL(30, rows("m-1").at(-1));
}

TEST(EarnedHistory, TheHistoryIsReplacedInTheCallersTransaction) {
    CHECK_TRUE(members.upsert(fromHeadOffice({{-10, 100}}), storagetest::kDay0Ms).hasValue());
    {
        auto transaction = storage::Transaction::begin(t.db);
        CHECK_TRUE(transaction.hasValue());
        CHECK_TRUE(members.upsert(fromHeadOffice({{-9, 900}}), storagetest::kDay0Ms).hasValue());
        LONGS_EQUAL(900, rows("m-1").at(-9));
        // not committed: rolled back with the transaction
    }
    const auto got = rows("m-1");
    LONGS_EQUAL(1, got.size());
    LONGS_EQUAL(100, got.at(-10));
}
