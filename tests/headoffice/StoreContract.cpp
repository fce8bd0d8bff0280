#include "tests/headoffice/StoreContract.h"

#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "headoffice/CalendarDay.h"
#include "headoffice/EarnedWindow.h"
#include "headoffice/EventIngest.h"
#include "headoffice/EventParser.h"
#include "headoffice/Loader.h"
#include "headoffice/TokenHash.h"
#include "tests/headoffice/EventJson.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace hotest {

namespace {

using headoffice::EventOutcome;
using nlohmann::json;

// Head office's clock in these cases: 2026-11-18 11:06:40 UTC; the events are from 12:06:40 at UTC+1.
constexpr std::int64_t kNowMs = 1795000000123;

const json kBase = {
    {"members",
     {json{{"id", "m-1"}, {"display_name", "Ana"}, {"enrolled_day", "2024-03-01"}, {"balance", 1000},
           {"segments", {"coffee"}}, {"birthday_month", 5}, {"consent_marketing", true}},
      json{{"id", "m-2"}, {"display_name", "Ben"}, {"enrolled_day", "2025-01-01"}, {"balance", 100}}}},
    {"cards", {json{{"token", "u:01"}, {"member_id", "m-1"}}, json{{"token", "u:02"}, {"member_id", "m-2"}}}},
    {"staff", {json{{"id", "s-1"}, {"display_name", "Sam"}, {"role", "manager"}, {"card_token", "u:5A"}}}},
    {"catalogue", {json{{"kind", "reward"}, {"id", "coffee"}, {"body", {{"id", "coffee"}, {"cost", 150}}}}}},
    {"reward_totals", {json{{"reward_id", "coffee"}, {"redeemed", 7}}}},
    {"kiosks", {json{{"id", "k-1"}, {"token", "k-1-token-0123456789"}}}},
};

std::vector<headoffice::IncomingEvent> parse(const std::vector<json>& events) {
    std::vector<headoffice::IncomingEvent> out;
    for (const auto& e : events) {
        out.push_back(headoffice::EventParser::parse(e));
    }
    return out;
}

json withKiosk(json e) {
    e["kiosk_id"] = "k-1";
    return e;
}

}  // namespace

// Helpers shared by the cases (members of an anonymous helper would need the store).
#define INGEST(...) ingest(store_, {__VA_ARGS__})

static std::vector<EventOutcome> ingest(headoffice::Store& store, const std::vector<json>& events) {
    std::vector<json> ours;
    for (const auto& e : events) {
        ours.push_back(withKiosk(e));
    }
    auto outcomes = headoffice::EventIngest(store).ingest(parse(ours), kNowMs);
    CHECK_TRUE_TEXT(outcomes.hasValue(), outcomes ? "" : outcomes.error().message.c_str());
    return outcomes ? *outcomes : std::vector<EventOutcome>{};
}

static void load(headoffice::Store& store, const json& file = kBase) {
    auto loaded = headoffice::Loader(store, kNowMs).load(file.dump());
    CHECK_TRUE_TEXT(loaded.hasValue(), loaded ? "" : loaded.error().message.c_str());
}

static std::int64_t balance(headoffice::Store& store, const std::string& id) {
    auto m = store.member(id);
    CHECK_TRUE(m.hasValue() && m->has_value());
    return m && *m ? (*m)->balance : -1;
}

// "day:points,day:points" of a history, for comparisons that print well.
static std::string historyText(const std::vector<headoffice::EarnedDay>& history) {
    std::string out;
    for (const auto& day : history) {
        out += (out.empty() ? "" : ",") + day.day + ":" + std::to_string(day.points);
    }
    return out;
}

static std::string historyText(const json& earned) {
    std::string out;
    for (const auto& day : earned) {
        out += (out.empty() ? "" : ",") + day["day"].get<std::string>() + ":" +
               std::to_string(day["points"].get<std::int64_t>());
    }
    return out;
}

static std::string storedHistory(headoffice::Store& store, const std::string& id, std::int64_t nowMs = kNowMs) {
    auto earned = store.earned(id, headoffice::EarnedWindow::endingAt(nowMs));
    CHECK_TRUE_TEXT(earned.hasValue(), earned ? "" : earned.error().message.c_str());
    return earned ? historyText(*earned) : std::string("?");
}

// The data of the last member entry for `id` in the change log.
static json lastMemberEntry(headoffice::Store& store, const std::string& id) {
    auto page = store.changes(0, 1000);
    CHECK_TRUE(page.hasValue());
    json found;
    for (const auto& body : page->bodies) {
        auto entry = json::parse(body);
        if (entry["kind"] == "member" && entry["id"] == id) {
            found = entry["data"];
        }
    }
    CHECK_FALSE(found.is_null());
    return found;
}

static void checkOutcome(const EventOutcome& outcome, EventOutcome::Status status, const char* code = "") {
    CHECK_TRUE_TEXT(outcome.status == status, (outcome.code + ": " + outcome.reason).c_str());
    STRCMP_EQUAL(code, outcome.code.c_str());
}

void StoreContract::AppliesEventsToBalancesOnce() {
    load(store_);
    const auto before = *store_.counts();
    auto out = INGEST(EventJson::earn(EventJson::id(1), "m-1", 50), EventJson::redeem(EventJson::id(2), "m-1", 150),
                      EventJson::make(EventJson::id(3), "adjust", "m-1", -20),
                      EventJson::make(EventJson::id(4), "expire", "m-1", -30),
                      EventJson::make(EventJson::id(5), "stamp", "m-1", 0),
                      EventJson::make(EventJson::id(6), "rating", "m-1", 0),
                      EventJson::make(EventJson::id(7), "offer-activate", "m-1", 0),
                      EventJson::earn(EventJson::id(8), "m-2", 5));
    LONGS_EQUAL(8, out.size());
    for (const auto& o : out) {
        checkOutcome(o, EventOutcome::Status::Accepted);
    }
    LONGS_EQUAL(850, balance(store_, "m-1"));
    LONGS_EQUAL(105, balance(store_, "m-2"));
    const auto after = *store_.counts();
    LONGS_EQUAL(before.events + 8, after.events);
    LONGS_EQUAL(before.changes + 3, after.changes);  // m-1, the reward total, m-2: one entry each
    auto stored = store_.event(EventJson::id(2));
    CHECK_TRUE(stored->has_value());
    STRCMP_EQUAL("redeem", (*stored)->type.c_str());
    LONGS_EQUAL(-150, (*stored)->pointsDelta);
    STRCMP_EQUAL("k-1", (*stored)->kioskId.c_str());
    STRCMP_CONTAINS("\"reason\":\"test redeem\"", (*stored)->payload.c_str());
}

void StoreContract::AnswersRetriesTheSameWay() {
    load(store_);
    auto first = INGEST(EventJson::earn(EventJson::id(1), "m-2", 10), EventJson::redeem(EventJson::id(2), "m-2", 500));
    checkOutcome(first[0], EventOutcome::Status::Accepted);
    checkOutcome(first[1], EventOutcome::Status::Rejected, "overdraw");
    INGEST(EventJson::earn(EventJson::id(3), "m-2", 1000));
    auto again = INGEST(EventJson::earn(EventJson::id(1), "m-2", 10), EventJson::redeem(EventJson::id(2), "m-2", 500));
    checkOutcome(again[0], EventOutcome::Status::Duplicate);
    checkOutcome(again[1], EventOutcome::Status::Rejected, "overdraw");
    STRCMP_EQUAL(first[1].reason.c_str(), again[1].reason.c_str());
    LONGS_EQUAL(1110, balance(store_, "m-2"));
}

void StoreContract::RejectsWithEveryCode() {
    load(store_);
    auto bad = EventJson::earn(EventJson::id(4), "m-1", 5);
    bad["seq"] = 0;
    auto out = INGEST(EventJson::redeem(EventJson::id(1), "m-2", 101), EventJson::earn(EventJson::id(2), "m-9", 5),
                      EventJson::voidOf(EventJson::id(3), EventJson::id(99), "m-1", 5), bad);
    checkOutcome(out[0], EventOutcome::Status::Rejected, "overdraw");
    checkOutcome(out[1], EventOutcome::Status::Rejected, "unknown_member");
    checkOutcome(out[2], EventOutcome::Status::Rejected, "unknown_event");
    checkOutcome(out[3], EventOutcome::Status::Rejected, "invalid");
    STRCMP_CONTAINS("seq", out[3].reason.c_str());
    LONGS_EQUAL(1000, balance(store_, "m-1"));
    LONGS_EQUAL(100, balance(store_, "m-2"));
    LONGS_EQUAL(4, store_.counts()->events - store_.counts()->acceptedEvents);
}

void StoreContract::EnrolsAndLinksAndBlocksCards() {
    load(store_);
    auto enrol = EventJson::enrol(EventJson::id(1), "m-3", "Cleo");
    enrol["member"]["segments"] = {"tea"};
    enrol["member"]["enrolled_day"] = "2026-11-18";
    auto link = EventJson::cardEvent(EventJson::id(2), "card-link", "m-3", "s:04DE5F1EACC040");
    auto block = EventJson::cardEvent(EventJson::id(3), "card-block", "m-1", "u:01");
    auto blockUnknown = EventJson::cardEvent(EventJson::id(4), "card-block", "m-2", "u:0BB");
    auto steal = EventJson::cardEvent(EventJson::id(5), "card-link", "m-3", "u:02");
    auto out = INGEST(enrol, link, block, blockUnknown, steal);
    for (std::size_t i = 0; i < 4; ++i) {
        checkOutcome(out[i], EventOutcome::Status::Accepted);
    }
    checkOutcome(out[4], EventOutcome::Status::Rejected, "invalid");
    auto m = store_.member("m-3");
    CHECK_TRUE(m->has_value());
    STRCMP_EQUAL("Cleo", (*m)->displayName.c_str());
    STRCMP_EQUAL("2026-11-18", (*m)->enrolledDay.c_str());
    LONGS_EQUAL(1, (*m)->segments.size());
    LONGS_EQUAL(0, (*m)->balance);
    auto card = store_.card("s:04DE5F1EACC040");
    STRCMP_EQUAL("ntag424", (*card)->kind.c_str());
    STRCMP_EQUAL("active", (*card)->status.c_str());
    STRCMP_EQUAL("blocked", (*store_.card("u:01"))->status.c_str());
    STRCMP_EQUAL("m-2", (*store_.card("u:0BB"))->memberId.c_str());
    STRCMP_EQUAL("m-2", (*store_.card("u:02"))->memberId.c_str());
    // An enrol of a member head office has is accepted and changes nothing.
    auto again = EventJson::enrol(EventJson::id(6), "m-1", "Someone else");
    checkOutcome(INGEST(again)[0], EventOutcome::Status::Accepted);
    STRCMP_EQUAL("Ana", (*store_.member("m-1"))->displayName.c_str());
}

void StoreContract::KeepsRewardTotals() {
    load(store_);
    INGEST(EventJson::redeem(EventJson::id(1), "m-1", 150, "coffee"),
           EventJson::redeem(EventJson::id(2), "m-1", 150, "coffee"),
           EventJson::redeem(EventJson::id(3), "m-1", 150, "new-reward"));
    LONGS_EQUAL(9, (*store_.rewardTotal("coffee"))->redeemed);
    LONGS_EQUAL(1, (*store_.rewardTotal("new-reward"))->redeemed);
    auto out = INGEST(EventJson::voidOf(EventJson::id(4), EventJson::id(2), "m-1", 150));
    checkOutcome(out[0], EventOutcome::Status::Accepted);
    LONGS_EQUAL(8, (*store_.rewardTotal("coffee"))->redeemed);
    LONGS_EQUAL(700, balance(store_, "m-1"));
    auto page = store_.changes(0, 1000);
    STRCMP_CONTAINS("\"kind\":\"reward_total\"", page->bodies.back().c_str());
    STRCMP_CONTAINS("\"redeemed\":8", page->bodies.back().c_str());
}

void StoreContract::PagesTheChangeLog() {
    auto empty = store_.changes(0, 10);
    LONGS_EQUAL(0, empty->seqs.size());
    LONGS_EQUAL(0, empty->last);
    CHECK_FALSE(empty->more);
    load(store_);  // 7 changes: 2 members, 2 cards, staff, catalogue, reward total
    auto all = store_.changes(0, 1000);
    LONGS_EQUAL(7, all->seqs.size());
    CHECK_FALSE(all->more);
    LONGS_EQUAL(all->seqs.back(), all->last);
    for (std::size_t i = 1; i < all->seqs.size(); ++i) {
        CHECK_TRUE(all->seqs[i - 1] < all->seqs[i]);
    }
    auto first = store_.changes(0, 3);
    LONGS_EQUAL(3, first->seqs.size());
    CHECK_TRUE(first->more);
    auto second = store_.changes(first->seqs.back(), 3);
    LONGS_EQUAL(3, second->seqs.size());
    LONGS_EQUAL(all->seqs[3], second->seqs[0]);
    STRCMP_EQUAL(all->bodies[3].c_str(), second->bodies[0].c_str());
    auto third = store_.changes(second->seqs.back(), 3);
    LONGS_EQUAL(1, third->seqs.size());
    CHECK_FALSE(third->more);
    auto entry = json::parse(all->bodies[0]);
    STRCMP_EQUAL("member", entry["kind"].get<std::string>().c_str());
    STRCMP_EQUAL("upsert", entry["op"].get<std::string>().c_str());
    STRCMP_EQUAL("m-1", entry["data"]["id"].get<std::string>().c_str());
    LONGS_EQUAL(1000, entry["data"]["balance"].get<std::int64_t>());
    auto catalogue = json::parse(all->bodies[5]);
    STRCMP_EQUAL("reward:coffee", catalogue["id"].get<std::string>().c_str());
    LONGS_EQUAL(150, catalogue["data"]["body"]["cost"].get<int>());
}

void StoreContract::LoadsIdempotentlyAndAllOrNothing() {
    load(store_);
    const auto once = *store_.counts();
    load(store_);
    const auto twice = *store_.counts();
    LONGS_EQUAL(once.changes, twice.changes);
    LONGS_EQUAL(2, twice.members);
    STRCMP_EQUAL("Sam", (*store_.staff("s-1"))->displayName.c_str());
    // A staff card token already used by s-1: the store refuses the whole file.
    json clash = {{"members", {json{{"id", "m-new"}, {"display_name", "New"}, {"enrolled_day", "2025-01-01"}}}},
                  {"staff", {json{{"id", "s-2"}, {"display_name", "Sue"}, {"role", "cashier"}, {"card_token", "u:5A"}}}}};
    auto loaded = headoffice::Loader(store_, kNowMs).load(clash.dump());
    CHECK_FALSE(loaded.hasValue());
    CHECK_TRUE(loaded.error().code == headoffice::ErrorCode::Conflict);
    CHECK_FALSE(store_.member("m-new")->has_value());
    LONGS_EQUAL(once.changes, store_.counts()->changes);
}

void StoreContract::RollsBackAFailedUnitOfWork() {
    load(store_);
    const auto before = *store_.counts();
    headoffice::SnapshotKeys keys;
    keys.members.insert("m-1");
    auto failed = store_.update(keys, [](const headoffice::Snapshot& s) -> headoffice::Result<headoffice::WriteSet> {
        CHECK_EQUAL(1000, s.members.at("m-1").balance);
        return headoffice::failure(headoffice::ErrorCode::InvalidInput, "changed my mind");
    });
    CHECK_FALSE(failed.hasValue());
    STRCMP_EQUAL("changed my mind", failed.error().message.c_str());
    // A write that fails half-way (a card of a member that does not exist) undoes the writes before it.
    auto broken = store_.update(keys, [](const headoffice::Snapshot& s) -> headoffice::Result<headoffice::WriteSet> {
        headoffice::WriteSet w;
        auto m = s.members.at("m-1");
        m.balance = 1;
        w.members.push_back(m);
        w.changes.push_back(headoffice::Change{"member", "upsert", "m-1", "{}"});
        w.cards.push_back(headoffice::Card{"u:77", "m-missing", "uid", "active"});
        return w;
    });
    CHECK_FALSE(broken.hasValue());
    LONGS_EQUAL(1000, balance(store_, "m-1"));
    LONGS_EQUAL(before.changes, store_.counts()->changes);
    // The store still works afterwards.
    checkOutcome(INGEST(EventJson::earn(EventJson::id(1), "m-1", 1))[0], EventOutcome::Status::Accepted);
}

void StoreContract::KeepsKioskTokensAndHeartbeats() {
    load(store_);
    auto kiosk = store_.kioskForTokenHash(headoffice::TokenHash::sha256Hex("k-1-token-0123456789"));
    STRCMP_EQUAL("k-1", kiosk->value_or("").c_str());
    CHECK_FALSE(store_.kioskForTokenHash(headoffice::TokenHash::sha256Hex("k-1-token-012345678"))->has_value());
    CHECK_FALSE(store_.lastHeartbeat("k-1")->has_value());
    headoffice::Heartbeat h{"k-1", 2000, 1950, 50, "0.1.0", 3, 42000, "ready", "", };
    CHECK_TRUE(store_.recordHeartbeat(h).hasValue());
    h.receivedAt = 3000;
    h.oldestUnsentAgeMs.reset();
    h.lastError = "reader: timeout";
    CHECK_TRUE(store_.recordHeartbeat(h).hasValue());
    auto last = store_.lastHeartbeat("k-1");
    CHECK_TRUE(last->has_value());
    CHECK_TRUE(**last == h);
    // Heartbeats only for known kiosks.
    CHECK_FALSE(store_.recordHeartbeat(headoffice::Heartbeat{"k-unknown", 1, 1, 0, "", 0, {}, "", ""}).hasValue());
}

void StoreContract::BulkInsertsAndSkipsKnownIds() {
    std::vector<headoffice::EventRecord> rows;
    for (int i = 0; i < 1000; ++i) {
        auto e = headoffice::EventParser::parse(withKiosk(EventJson::earn(EventJson::id(i + 1), "m-1", 1)));
        e.record.status = headoffice::EventStatus::Accepted;
        rows.push_back(e.record);
    }
    auto inserted = store_.bulkInsertEvents(rows);
    CHECK_TRUE(inserted.hasValue());
    LONGS_EQUAL(1000, *inserted);
    rows.resize(10);
    LONGS_EQUAL(0, *store_.bulkInsertEvents(rows));
    LONGS_EQUAL(1000, store_.counts()->events);
    LONGS_EQUAL(0, store_.counts()->changes);
}

void StoreContract::KeepsTextExactly() {
    json file = kBase;
    file["members"][0]["display_name"] = "Zoë \"Z\" \\ O'Brien, 東京 🙂";
    file["members"][0]["segments"] = {"a,b", "{x}", "quote\"d"};
    file["members"][0]["home_store"] = "store-7";
    load(store_, file);
    auto m = store_.member("m-1");
    STRCMP_EQUAL("Zoë \"Z\" \\ O'Brien, 東京 🙂", (*m)->displayName.c_str());
    LONGS_EQUAL(3, (*m)->segments.size());
    STRCMP_EQUAL("quote\"d", (*m)->segments[2].c_str());
    STRCMP_EQUAL("store-7", (*m)->homeStore.value_or("").c_str());
    CHECK_FALSE((*store_.member("m-2"))->birthdayMonth.has_value());
    auto e = EventJson::earn(EventJson::id(1), "m-1", 5);
    e["reason"] = "Ünïcödé \"quoted\" \\ back,slash {brace}";
    INGEST(e);
    auto stored = store_.event(EventJson::id(1));
    STRCMP_CONTAINS("back,slash {brace}", (*stored)->payload.c_str());
    CHECK_FALSE((*stored)->rewardId.has_value());
    STRCMP_EQUAL("u:04A1B2C3", (*stored)->card.value_or("").c_str());
}

void StoreContract::SerializesConcurrentUploads() {
    load(store_);
    constexpr int kThreads = 4;
    constexpr int kBatches = 10;
    constexpr int kPerBatch = 20;
    std::vector<std::thread> threads;
    std::vector<int> failures(kThreads, 0);
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([this, t, &failures] {
            for (int b = 0; b < kBatches; ++b) {
                std::vector<json> events;
                for (int i = 0; i < kPerBatch; ++i) {
                    events.push_back(withKiosk(EventJson::earn(EventJson::id((t * kBatches + b) * kPerBatch + i + 1), "m-2", 1)));
                }
                auto out = headoffice::EventIngest(store_).ingest(parse(events), 1);
                if (!out) {
                    ++failures[static_cast<std::size_t>(t)];
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    for (int f : failures) {
        LONGS_EQUAL(0, f);
    }
    LONGS_EQUAL(100 + kThreads * kBatches * kPerBatch, balance(store_, "m-2"));
    // The last member entry in the log carries the final balance: entries are in commit order.
    auto page = store_.changes(0, 1000);
    auto lastEntry = json::parse(page->bodies.back());
    LONGS_EQUAL(100 + kThreads * kBatches * kPerBatch, lastEntry["data"]["balance"].get<std::int64_t>());
}

void StoreContract::KeepsEarningHistoryFromEvents() {
    // Head office's day is 2026-11-18 (kNowMs): the window is 2025-11-17 .. 2026-11-19.
    json file = kBase;
    file["members"][0]["earned"] = {json{{"days_ago", 366}, {"points", 11}}, json{{"days_ago", 367}, {"points", 13}},
                                    json{{"day", "2026-11-01"}, {"points", 100}}};
    load(store_, file);
    STRCMP_EQUAL("2025-11-17:11,2026-11-01:100", storedHistory(store_, "m-1").c_str());
    STRCMP_EQUAL("", storedHistory(store_, "m-2").c_str());

    constexpr std::int64_t kDay = 86400000;
    auto tenDaysAgo = EventJson::earn(EventJson::id(2), "m-1", 30);
    tenDaysAgo["wall_time"] = 1795000000000 - 10 * kDay;  // 2026-11-08 in the shop
    auto eightDaysAgo = EventJson::earn(EventJson::id(7), "m-1", 9);
    eightDaysAgo["wall_time"] = 1795000000000 - 8 * kDay;
    auto lateEvening = EventJson::earn(EventJson::id(9), "m-2", 4);
    lateEvening["wall_time"] = 1794958800000;  // 2026-11-17 23:40 UTC: 2026-11-18 00:40 in the shop (UTC+1)
    auto out = INGEST(EventJson::earn(EventJson::id(1), "m-1", 50), tenDaysAgo,
                      EventJson::redeem(EventJson::id(3), "m-1", 20, "coffee"),
                      EventJson::make(EventJson::id(4), "adjust", "m-1", 5),
                      EventJson::earn(EventJson::id(5), "m-2", 7),
                      EventJson::earn(EventJson::id(6), "m-9", 1000),  // unknown member: rejected, counts nowhere
                      eightDaysAgo, EventJson::voidOf(EventJson::id(8), EventJson::id(7), "m-1", -9),  // same batch
                      lateEvening);
    checkOutcome(out[5], EventOutcome::Status::Rejected, "unknown_member");
    STRCMP_EQUAL("2025-11-17:11,2026-11-01:100,2026-11-08:30,2026-11-18:50", storedHistory(store_, "m-1").c_str());
    STRCMP_EQUAL("2026-11-18:11", storedHistory(store_, "m-2").c_str());
    // The member entries carry it.
    STRCMP_EQUAL("2025-11-17:11,2026-11-01:100,2026-11-08:30,2026-11-18:50",
                 historyText(lastMemberEntry(store_, "m-1")["earned"]).c_str());
    STRCMP_EQUAL("2026-11-18:11", historyText(lastMemberEntry(store_, "m-2")["earned"]).c_str());

    // A void in a later batch takes the points off the earn's day (read from the stored earn), and a
    // repeated earn counts once.
    out = INGEST(EventJson::voidOf(EventJson::id(10), EventJson::id(2), "m-1", -30),
                 EventJson::earn(EventJson::id(1), "m-1", 50));
    checkOutcome(out[0], EventOutcome::Status::Accepted);
    checkOutcome(out[1], EventOutcome::Status::Duplicate);
    STRCMP_EQUAL("2025-11-17:11,2026-11-01:100,2026-11-18:50", storedHistory(store_, "m-1").c_str());
    STRCMP_EQUAL("2025-11-17:11,2026-11-01:100,2026-11-18:50",
                 historyText(lastMemberEntry(store_, "m-1")["earned"]).c_str());
    LONGS_EQUAL(1000 + 50 + 30 - 20 + 5 + 9 - 9 - 30, balance(store_, "m-1"));
    // Days outside the window are kept, not sent: a day earlier, the day 367 days back is inside.
    STRCMP_EQUAL("2025-11-16:13,2025-11-17:11,2026-11-01:100,2026-11-18:50",
                 storedHistory(store_, "m-1", kNowMs - kDay).c_str());
    CHECK_TRUE((*store_.member("m-1"))->earned.empty());  // member() reads no history
}

void StoreContract::LoadsOpeningHistoryOnlyForNewMembers() {
    json file = kBase;
    file["members"][1]["earned"] = {json{{"day", "2026-06-30"}, {"points", 400}},
                                    json{{"days_ago", 0}, {"points", 25}}};
    auto first = headoffice::Loader(store_, kNowMs).load(file.dump());
    CHECK_TRUE_TEXT(first.hasValue(), first ? "" : first.error().message.c_str());
    STRCMP_EQUAL("2026-06-30:400,2026-11-18:25", storedHistory(store_, "m-2").c_str());
    STRCMP_EQUAL("2026-06-30:400,2026-11-18:25", historyText(lastMemberEntry(store_, "m-2")["earned"]).c_str());
    LONGS_EQUAL(100, balance(store_, "m-2"));
    // The same file a day later: days_ago now means another day, but the member exists: its history stays.
    const auto before = *store_.counts();
    auto later = headoffice::Loader(store_, kNowMs + 86400000).load(file.dump());
    CHECK_TRUE(later.hasValue());
    LONGS_EQUAL(before.changes, store_.counts()->changes);
    STRCMP_CONTAINS("member \"m-2\": earning history kept", later->text().c_str());
    STRCMP_EQUAL("2026-06-30:400,2026-11-18:25", storedHistory(store_, "m-2").c_str());
    // Loaded again the same day: nothing to say, nothing written.
    auto again = headoffice::Loader(store_, kNowMs).load(file.dump());
    CHECK_TRUE(again.hasValue());
    CHECK_TRUE(again->notes.empty());
    LONGS_EQUAL(before.changes, store_.counts()->changes);
    // Events add to the opening history.
    INGEST(EventJson::earn(EventJson::id(1), "m-2", 5));
    STRCMP_EQUAL("2026-06-30:400,2026-11-18:30", storedHistory(store_, "m-2").c_str());
}

}  // namespace hotest
