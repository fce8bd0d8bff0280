// A member this kiosk knows only from head office gets its tier from head
// office's earning history (docs/sync-protocol.md, "earned"): through the
// change feed and the card lookup, on a real kiosk database against the
// real head office, with this kiosk's own earns counted once whether head
// office has acknowledged them or not.

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "loyalty/TierCalculator.h"
#include "storage/AccountReader.h"
#include "storage/CardRepository.h"
#include "storage/MemberRepository.h"
#include "storage/SystemClock.h"
#include "storage/Transaction.h"
#include "sync/CardLookup.h"
#include "sync/ChangeApplier.h"
#include "sync/ChangePage.h"
#include "sync/SyncClient.h"
#include "sync/SyncHeadOffice.h"
#include "sync/SyncKiosk.h"

#include <CppUTest/TestHarness.h>

using namespace std::chrono_literals;

namespace {

// The tiers of assets/program.toml (and of assets/headoffice/demo.json's catalogue).
loyalty::Program program() {
    loyalty::Program p;
    p.tiers = {loyalty::Tier{"bronze", "Bronze", 0, 100, {}}, loyalty::Tier{"silver", "Silver", 500, 125, {}},
               loyalty::Tier{"gold", "Gold", 2000, 150, {}}};
    p.tierPolicy.qualificationMonths = 12;
    return p;
}

// Member 3 exists only at head office: an opening balance and an earning history of 900 + 700 points in
// the last 12 months, and 5000 more than a year ago.
constexpr const char* kMemberThree = R"({
  "members": [{"id": "m-3", "display_name": "Cleo", "enrolled_day": "2023-01-10", "balance": 7000,
               "earned": [{"days_ago": 400, "points": 5000}, {"days_ago": 200, "points": 900},
                          {"days_ago": 100, "points": 700}]}],
  "cards": [{"token": "u:00000003", "member_id": "m-3"}]})";

}  // namespace

TEST_GROUP(EarnedSync) {
    std::unique_ptr<synctest::SyncHeadOffice> ho;
    std::unique_ptr<synctest::SyncKiosk> kiosk;
    loyalty::Program tiers = program();

    void setup() override {
        ho = std::make_unique<synctest::SyncHeadOffice>(2);
        ho->load(kMemberThree);
        kiosk = std::make_unique<synctest::SyncKiosk>();
    }
    void teardown() override {
        kiosk.reset();
        ho.reset();
    }

    loyalty::TierStatus tierOf(const std::string& memberId) {
        auto state = storage::AccountReader(kiosk->db()).loadMember(memberId);
        CHECK_TRUE(state.hasValue() && state->has_value());
        if (!state || !*state) {
            return {};
        }
        return loyalty::TierCalculator(tiers).status(**state, storage::SystemClock::now(0).at);
    }
    // earned_points of today (UTC: the test kiosk records at offset 0).
    std::int64_t earnedToday(const std::string& memberId) {
        const auto today = storage::SystemClock::now(0).shopDay();
        auto rows = storage::MemberRepository(kiosk->db()).earned(memberId);
        CHECK_TRUE(rows.hasValue());
        std::int64_t points = 0;
        for (const auto& row : rows.value()) {
            if (loyalty::daysSinceEpoch(row.on) == today) {
                points += row.points;
            }
        }
        return points;
    }
    bool syncedThrough(kiosksync::SyncClient& client) {
        client.notifyNewEvents();
        client.requestDownload();
        return synctest::eventually([&] { return kiosk->caughtUp(*ho); }, 10s);
    }
};

TEST(EarnedSync, AMemberFromHeadOfficeGetsItsTierFromHeadOfficesHistoryAndThisKiosksEarnsOnce) {
    ho->earnFromKioskB({"m-3"}, 150);  // another store, today
    kiosksync::SyncClient client(kiosk->options(ho->url()));
    client.start();
    CHECK_TRUE(syncedThrough(client));
    auto tier = tierOf("m-3");
    LONGS_EQUAL(900 + 700 + 150, tier.earnedInWindow);
    STRCMP_EQUAL("silver", tier.current->id.c_str());
    LONGS_EQUAL(250, tier.pointsToNext);

    // An earn here: uploaded, acknowledged, and back in head office's history. Counted once.
    kiosk->earn(3, 300);
    CHECK_TRUE(syncedThrough(client));
    LONGS_EQUAL(0, kiosk->pending("m-3"));
    tier = tierOf("m-3");
    LONGS_EQUAL(900 + 700 + 150 + 300, tier.earnedInWindow);
    STRCMP_EQUAL("gold", tier.current->id.c_str());
    LONGS_EQUAL(450, earnedToday("m-3"));
    client.stop();

    // Offline now: an earn head office has not seen. A card lookup that reaches head office (as the
    // effect worker stores it) keeps it.
    kiosk->earn(3, 100);
    LONGS_EQUAL(550, earnedToday("m-3"));
    kiosksync::CardLookup lookup(kiosk->options(ho->url()).http);
    const auto answer = lookup.lookup(synctest::cardToken(3), 2000ms);
    CHECK_TRUE_TEXT(answer.online(), answer.why.c_str());
    CHECK_TRUE(answer.member.earned.has_value());
    LONGS_EQUAL(3, answer.member.earned->size());  // 200 and 100 days ago, today; not 400 days ago
    {
        auto transaction = storage::Transaction::begin(kiosk->db());
        CHECK_TRUE(transaction.hasValue());
        CHECK_TRUE(storage::MemberRepository(kiosk->db()).upsert(answer.member, 1).hasValue());
        CHECK_TRUE(transaction->commit().hasValue());
    }
    LONGS_EQUAL(550, earnedToday("m-3"));
    LONGS_EQUAL(900 + 700 + 150 + 300 + 100, tierOf("m-3").earnedInWindow);
    LONGS_EQUAL(100, kiosk->pending("m-3"));
}

TEST(EarnedSync, AMemberRecordWithoutAHistoryKeepsTheKiosksRows) {
    kiosksync::SyncClient client(kiosk->options(ho->url()));
    client.start();
    CHECK_TRUE(syncedThrough(client));
    client.stop();
    LONGS_EQUAL(1600, tierOf("m-3").earnedInWindow);
    // An older head office: the same member, no "earned".
    auto page = kiosksync::ChangePage::parse(
        R"({"changes":[{"kind":"member","op":"upsert","id":"m-3","data":{"id":"m-3","display_name":"Cleo",
            "enrolled_day":"2023-01-10","balance":7100}}],"next_cursor":")" +
        kiosk->cursor() + R"(","more":false})");
    CHECK_TRUE_TEXT(page.hasValue(), page ? "" : page.error().c_str());
    auto applied = kiosksync::ChangeApplier(kiosk->db()).apply(*page, 1);
    CHECK_TRUE(applied.hasValue());
    LONGS_EQUAL(1, applied->applied);
    LONGS_EQUAL(7100, kiosk->confirmed("m-3"));
    LONGS_EQUAL(1600, tierOf("m-3").earnedInWindow);
    // A malformed history refuses the page: nothing changes.
    auto bad = kiosksync::ChangePage::parse(
        R"({"changes":[{"kind":"member","op":"upsert","id":"m-3","data":{"id":"m-3","display_name":"Cleo",
            "enrolled_day":"2023-01-10","balance":1,"earned":[{"day":"2026-13-01","points":5}]}}],
            "next_cursor":"999","more":false})");
    CHECK_FALSE(bad.hasValue());
    STRCMP_CONTAINS("earned[0].day: must be a date", bad.error().c_str());
    LONGS_EQUAL(7100, kiosk->confirmed("m-3"));
}
