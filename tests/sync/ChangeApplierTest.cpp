// A page of changes applied to a real kiosk database: all of it and its
// cursor in one transaction; a change the kiosk's data refuses is skipped
// and reported; deletes.

#include <string>

#include "storage/CardRepository.h"
#include "storage/CatalogueRepository.h"
#include "storage/MemberRepository.h"
#include "storage/RewardTotals.h"
#include "storage/StaffRepository.h"
#include "storage/SyncStateRepository.h"
#include "sync/ChangeApplier.h"
#include "sync/SyncKiosk.h"

#include <CppUTest/TestHarness.h>

using kiosksync::ChangeApplier;
using kiosksync::ChangePage;

namespace {

std::string member(const std::string& id, long balance) {
    return "{\"kind\":\"member\",\"op\":\"upsert\",\"id\":\"" + id + "\",\"data\":{\"id\":\"" + id +
           "\",\"display_name\":\"Ana\",\"enrolled_day\":\"2024-03-01\",\"balance\":" + std::to_string(balance) +
           "}}";
}

std::string card(const std::string& token, const std::string& memberId, const std::string& status = "active") {
    return "{\"kind\":\"card\",\"op\":\"upsert\",\"id\":\"" + token + "\",\"data\":{\"token\":\"" + token +
           "\",\"member_id\":\"" + memberId + "\",\"kind\":\"ntag424\",\"status\":\"" + status + "\"}}";
}

ChangePage page(const std::string& changes, const std::string& next) {
    auto parsed = ChangePage::parse("{\"changes\":[" + changes + "],\"next_cursor\":\"" + next + "\",\"more\":false}");
    if (!parsed) {
        FAIL(parsed.error().c_str());
    }
    return parsed.value();
}

}  // namespace

TEST_GROUP(ChangeApplier) {
    synctest::SyncKiosk kiosk;
};

TEST(ChangeApplier, AppliesThePageAndItsCursorTogether) {
    auto report = ChangeApplier(kiosk.db()).apply(
        page(member("m-1", 120) + "," + card("s:01", "m-1", "blocked") +
                 ",{\"kind\":\"reward_total\",\"op\":\"upsert\",\"id\":\"coffee\",\"data\":{\"reward_id\":\"coffee\","
                 "\"redeemed\":4}}",
             "3"),
        1000);
    CHECK_TRUE(report.hasValue());
    LONGS_EQUAL(3, report->applied);
    LONGS_EQUAL(0, report->skipped);
    LONGS_EQUAL(120, kiosk.confirmed("m-1"));
    auto stored = storage::CardRepository(kiosk.db()).get("s:01");
    CHECK((*stored)->status == loyalty::CardStatus::Blocked);
    CHECK((*stored)->kind == storage::CardKind::Ntag424);
    LONGS_EQUAL(4, storage::RewardTotals(kiosk.db()).all()->at("coffee"));
    STRCMP_EQUAL("3", kiosk.cursor().c_str());
    LONGS_EQUAL(1000, **storage::SyncStateRepository(kiosk.db()).lastSyncAtMs());
}

TEST(ChangeApplier, ABalanceFromHeadOfficeLeavesThePendingDeltaAlone) {
    ChangeApplier(kiosk.db()).apply(page(member("m-1", 100) + "," + card("u:01", "m-1"), "2"), 1000);
    storage::MemberRepository(kiosk.db()).replaceLots("m-1", {{loyalty::Date{2024, 3, 1}, 100}});
    storage::RecordRequest request;
    request.cardToken = "u:01";
    loyalty::EventDraft earn;
    earn.memberId = "m-1";
    earn.cardId = "u:01";
    earn.pointsDelta = 30;
    earn.reason = "Purchase";
    request.decision.events = {earn};
    request.time = storage::RecordTime::fromWallMs(1710237600000, 0);
    CHECK_TRUE(storage::DecisionRecorder(kiosk.db()).record(request).hasValue());
    ChangeApplier(kiosk.db()).apply(page(member("m-1", 150), "3"), 2000);
    LONGS_EQUAL(150, kiosk.confirmed("m-1"));
    LONGS_EQUAL(30, kiosk.pending("m-1"));
}

TEST(ChangeApplier, HeadOfficeMayMoveACardToAnotherMember) {
    ChangeApplier(kiosk.db()).apply(page(member("m-1", 1) + "," + member("m-2", 2) + "," + card("u:01", "m-1"), "3"),
                                    1000);
    // A replacement at another store moved the card to m-2: head office is the authority.
    auto report = ChangeApplier(kiosk.db()).apply(page(card("u:01", "m-2") + "," + member("m-2", 9), "5"), 2000);
    CHECK_TRUE(report.hasValue());
    LONGS_EQUAL(2, report->applied);
    LONGS_EQUAL(0, report->skipped);
    STRCMP_EQUAL("m-2", kiosk.db().queryText("SELECT member_id FROM cards WHERE token = 'u:01'")->c_str());
    LONGS_EQUAL(9, kiosk.confirmed("m-2"));
    STRCMP_EQUAL("5", kiosk.cursor().c_str());
}

TEST(ChangeApplier, AChangeTheKiosksDataRefusesIsSkippedAndReported) {
    ChangeApplier(kiosk.db()).apply(page(member("m-1", 1), "1"), 1000);
    // A card of a member this kiosk has not been sent: skipped, the rest applied.
    auto report = ChangeApplier(kiosk.db()).apply(page(card("u:02", "m-ghost") + "," + member("m-1", 9), "3"), 2000);
    CHECK_TRUE(report.hasValue());
    LONGS_EQUAL(1, report->applied);
    LONGS_EQUAL(1, report->skipped);
    CHECK(report->notes.front().find("card upsert skipped") != std::string::npos);
    LONGS_EQUAL(9, kiosk.confirmed("m-1"));
    STRCMP_EQUAL("3", kiosk.cursor().c_str());
}

TEST(ChangeApplier, DeletesBlockDeactivateOrRemove) {
    ChangeApplier(kiosk.db()).apply(
        page(member("m-1", 1) + "," + card("u:01", "m-1") +
                 ",{\"kind\":\"staff\",\"op\":\"upsert\",\"id\":\"s-1\",\"data\":{\"id\":\"s-1\",\"display_name\":"
                 "\"Anna\",\"role\":\"cashier\",\"pin_hash\":null,\"card_token\":null,\"active\":true}}"
                 ",{\"kind\":\"catalogue\",\"op\":\"upsert\",\"id\":\"offer:o\",\"data\":{\"kind\":\"offer\","
                 "\"id\":\"o\",\"body\":{\"id\":\"o\"}}}",
             "4"),
        1000);
    auto report = ChangeApplier(kiosk.db()).apply(
        page("{\"kind\":\"member\",\"op\":\"delete\",\"id\":\"m-1\"},{\"kind\":\"card\",\"op\":\"delete\",\"id\":"
             "\"u:01\"},{\"kind\":\"staff\",\"op\":\"delete\",\"id\":\"s-1\"},{\"kind\":\"catalogue\",\"op\":"
             "\"delete\",\"id\":\"offer:o\"},{\"kind\":\"card\",\"op\":\"delete\",\"id\":\"u:never\"}",
             "9"),
        2000);
    CHECK_TRUE(report.hasValue());
    LONGS_EQUAL(5, report->applied);
    CHECK((*storage::MemberRepository(kiosk.db()).get("m-1"))->status == loyalty::MemberStatus::Blocked);
    CHECK((*storage::CardRepository(kiosk.db()).get("u:01"))->status == loyalty::CardStatus::Blocked);
    CHECK_FALSE((*storage::StaffRepository(kiosk.db()).findById("s-1"))->active);
    CHECK_FALSE(storage::CatalogueRepository(kiosk.db()).get(storage::CatalogueKind::Offer, "o")->has_value());
}
