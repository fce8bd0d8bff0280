// `headoffice load` files: every mistake named with its entry, nothing
// stored unless the whole file is good, loading twice changes nothing.

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "headoffice/LoadFile.h"
#include "headoffice/Loader.h"
#include "headoffice/SqliteStore.h"
#include "headoffice/TokenHash.h"
#include "support/TempDir.h"
#include "tests/headoffice/TestHeadOffice.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using nlohmann::json;

namespace {

json member(const std::string& id) {
    return {{"id", id}, {"display_name", "Zoë"}, {"enrolled_day", "2025-01-31"}, {"balance", 100}};
}

json card(const std::string& token, const std::string& memberId) {
    return {{"token", token}, {"member_id", memberId}};
}

}  // namespace

TEST_GROUP(LoadFile) {
    testsupport::TempDir dir{"headoffice-load"};
    std::unique_ptr<headoffice::SqliteStore> store;
    void setup() override {
        auto opened = headoffice::SqliteStore::open(dir.file("store.db"));
        CHECK_TRUE(opened.hasValue());
        store = std::move(*opened);
    }
    void teardown() override { store.reset(); }

    std::string problems(const json& file) {
        auto parsed = headoffice::LoadFile::parse(file.dump(), hotest::kNow);
        CHECK_FALSE_TEXT(parsed.hasValue(), file.dump().c_str());
        return parsed ? std::string() : parsed.error().message;
    }
    headoffice::Result<headoffice::LoadSummary> load(const json& file) {
        return headoffice::Loader(*store, hotest::kNow).load(file.dump());
    }
    headoffice::StoreCounts counts() { return *store->counts(); }
};

TEST(LoadFile, MistakesNameTheEntryAndTheField) {
    auto m = member("m-1");
    m["birthday_month"] = 13;
    STRCMP_EQUAL("members[0] (id \"m-1\"): birthday_month: must be a whole number from 1 to 12",
                 problems({{"members", {m}}}).c_str());
    m = member("m-1");
    m["balanse"] = 5;
    STRCMP_CONTAINS("members[0] (id \"m-1\"): balanse: unknown key", problems({{"members", {m}}}).c_str());
    m = member("m-1");
    m.erase("enrolled_day");
    STRCMP_EQUAL("members[0] (id \"m-1\"): enrolled_day: missing", problems({{"members", {m}}}).c_str());
    m = member("m-1");
    m["enrolled_day"] = "2025-02-30";
    STRCMP_CONTAINS("enrolled_day: must be a date written YYYY-MM-DD", problems({{"members", {m}}}).c_str());
    m = member("m-1");
    m["balance"] = "100";
    STRCMP_CONTAINS("balance: must be a whole number", problems({{"members", {m}}}).c_str());
    STRCMP_CONTAINS("members[1] (id \"m-1\"): id: \"m-1\" appears twice in members",
                    problems({{"members", {member("m-1"), member("m-1")}}}).c_str());
    STRCMP_CONTAINS("unknown section \"member\"", problems({{"member", json::array()}}).c_str());
    STRCMP_CONTAINS("members: must be an array", problems({{"members", json::object()}}).c_str());
    STRCMP_CONTAINS("cards[0]: token: missing", problems({{"cards", {json{{"member_id", "m-1"}}}}}).c_str());
    STRCMP_CONTAINS("kind: must be one of uid, ntag21x, ntag424",
                    problems({{"cards", {json{{"token", "u:01"}, {"member_id", "m-1"}, {"kind", "nfc"}}}}}).c_str());
    STRCMP_CONTAINS("role: missing",
                    problems({{"staff", {json{{"id", "s-1"}, {"display_name", "Sam"}}}}}).c_str());
    STRCMP_CONTAINS("pin_hash: must be an Argon2id string",
                    problems({{"staff", {json{{"id", "s-1"}, {"display_name", "Sam"}, {"role", "manager"},
                                              {"pin_hash", "1234"}}}}})
                        .c_str());
    STRCMP_CONTAINS("body.id: differs from the entry's id",
                    problems({{"catalogue", {json{{"kind", "reward"}, {"id", "r-1"}, {"body", {{"id", "r-2"}}}}}}})
                        .c_str());
    STRCMP_CONTAINS("kiosks[0] (id \"k-1\"): token: must be at least 16",
                    problems({{"kiosks", {json{{"id", "k-1"}, {"token", "short"}}}}}).c_str());
    STRCMP_CONTAINS("give exactly one of token and token_sha256",
                    problems({{"kiosks", {json{{"id", "k-1"}}}}}).c_str());
    STRCMP_CONTAINS("token_sha256: must be 64 lower-case hex digits",
                    problems({{"kiosks", {json{{"id", "k-1"}, {"token_sha256", "ABC"}}}}}).c_str());
    STRCMP_CONTAINS("the same token as another kiosk",
                    problems({{"kiosks", {json{{"id", "k-1"}, {"token", "0123456789abcdef"}},
                                          json{{"id", "k-2"}, {"token", "0123456789abcdef"}}}}})
                        .c_str());
    STRCMP_CONTAINS("is not JSON",
                    headoffice::LoadFile::parse("{\"members\": [", hotest::kNow).error().message.c_str());
    STRCMP_CONTAINS("must be a JSON object",
                    headoffice::LoadFile::parse("[]", hotest::kNow).error().message.c_str());
}

TEST(LoadFile, EveryMistakeIsReportedAndNothingIsStored) {
    auto bad = member("m-2");
    bad["status"] = "gone";
    const json file = {{"members", {member("m-1"), bad}},
                       {"cards", {card("u:01", "m-1"), card("u:02", "m-nobody")}},
                       {"kiosks", {json{{"id", "k 1"}, {"token", "0123456789abcdef"}}}}};
    auto loaded = load(file);
    CHECK_FALSE(loaded.hasValue());
    STRCMP_CONTAINS("members[1] (id \"m-2\"): status: must be one of active, blocked", loaded.error().message.c_str());
    STRCMP_CONTAINS("kiosks[0]: id: must be 1 to 64 printable ASCII", loaded.error().message.c_str());
    LONGS_EQUAL(0, counts().members);
    // The card's member is checked against the file and the store, once the file itself is good.
    loaded = load({{"members", {member("m-1")}}, {"cards", {card("u:01", "m-1"), card("u:02", "m-nobody")}}});
    CHECK_FALSE(loaded.hasValue());
    STRCMP_EQUAL("cards[1] (token \"u:02\"): member_id: \"m-nobody\" is neither in this file nor in the store",
                 loaded.error().message.c_str());
    const auto c = counts();
    LONGS_EQUAL(0, c.members);
    LONGS_EQUAL(0, c.cards);
    LONGS_EQUAL(0, c.changes);
}

TEST(LoadFile, LoadingTwiceChangesNothingAndChangesAreLogged) {
    const json file = {{"members", {member("m-1"), member("m-2")}},
                       {"cards", {card("u:01", "m-1"), card("u:02", "m-2")}},
                       {"staff", {json{{"id", "s-1"}, {"display_name", "Sam"}, {"role", "cashier"}}}},
                       {"reward_totals", {json{{"reward_id", "r-1"}, {"redeemed", 2}}}},
                       {"kiosks", {json{{"id", "k-1"}, {"token", "0123456789abcdef"}}}}};
    auto first = load(file);
    CHECK_TRUE(first.hasValue());
    LONGS_EQUAL(2, first->members.added);
    LONGS_EQUAL(6, first->changes);  // 2 members, 2 cards, 1 staff, 1 reward total; kiosks are not sent
    auto page = store->changes(0, 100);
    LONGS_EQUAL(6, page->seqs.size());
    STRCMP_CONTAINS("\"id\":\"m-1\"", page->bodies[0].c_str());
    STRCMP_CONTAINS("\"id\":\"u:01\"", page->bodies[1].c_str());  // each member followed by its cards
    STRCMP_CONTAINS("\"id\":\"m-2\"", page->bodies[2].c_str());

    auto second = load(file);
    CHECK_TRUE(second.hasValue());
    LONGS_EQUAL(0, second->changes);
    LONGS_EQUAL(2, second->members.unchanged);
    LONGS_EQUAL(6, counts().changes);

    auto kiosk = store->kioskForTokenHash(headoffice::TokenHash::sha256Hex("0123456789abcdef"));
    STRCMP_EQUAL("k-1", kiosk->value_or("").c_str());
}

TEST(LoadFile, AnExistingMemberKeepsItsBalanceAndOtherFieldsUpdate) {
    CHECK_TRUE(load({{"members", {member("m-1")}}}).hasValue());
    auto changed = member("m-1");
    changed["balance"] = 999;
    changed["display_name"] = "Zoe";
    auto loaded = load({{"members", {changed}}});
    CHECK_TRUE(loaded.hasValue());
    LONGS_EQUAL(1, loaded->members.updated);
    LONGS_EQUAL(1, loaded->notes.size());
    STRCMP_CONTAINS("balance 100 kept (the file says 999", loaded->notes[0].c_str());
    auto m = store->member("m-1");
    LONGS_EQUAL(100, (*m)->balance);
    STRCMP_EQUAL("Zoe", (*m)->displayName.c_str());
}

TEST(LoadFile, AKioskTokenCanBeRotatedByLoadingANewOne) {
    CHECK_TRUE(load({{"kiosks", {json{{"id", "k-1"}, {"token", "0123456789abcdef"}}}}}).hasValue());
    auto rotated = load({{"kiosks", {json{{"id", "k-1"}, {"token_sha256", headoffice::TokenHash::sha256Hex("fedcba9876543210")}}}}});
    CHECK_TRUE(rotated.hasValue());
    LONGS_EQUAL(1, rotated->kiosks.updated);
    CHECK_FALSE(store->kioskForTokenHash(headoffice::TokenHash::sha256Hex("0123456789abcdef"))->has_value());
    STRCMP_EQUAL("k-1", store->kioskForTokenHash(headoffice::TokenHash::sha256Hex("fedcba9876543210"))->value_or("").c_str());
    // Another kiosk with the same token: the store refuses, nothing changes.
    auto clash = load({{"kiosks", {json{{"id", "k-2"}, {"token", "fedcba9876543210"}}}}});
    CHECK_FALSE(clash.hasValue());
    LONGS_EQUAL(1, counts().kiosks);
}

TEST(LoadFile, AnEarningHistoryIsCheckedEntryByEntry) {
    auto withEarned = [](json earned) {
        auto m = member("m-1");
        m["earned"] = std::move(earned);
        return json{{"members", {m}}};
    };
    STRCMP_EQUAL("members[0] (id \"m-1\"): earned: must be an array of {\"day\" or \"days_ago\", \"points\"}",
                 problems(withEarned(json::object())).c_str());
    STRCMP_EQUAL("members[0] (id \"m-1\"): earned[1]: day: give exactly one of day and days_ago",
                 problems(withEarned({json{{"days_ago", 3}, {"points", 5}}, json{{"points", 5}}})).c_str());
    STRCMP_CONTAINS("earned[0]: day: give exactly one of day and days_ago",
                    problems(withEarned({json{{"day", "2026-01-01"}, {"days_ago", 3}, {"points", 5}}})).c_str());
    STRCMP_CONTAINS("earned[0]: day: must be a date written YYYY-MM-DD",
                    problems(withEarned({json{{"day", "2026-02-30"}, {"points", 5}}})).c_str());
    STRCMP_CONTAINS("earned[0]: days_ago: must be a whole number from 0 to 3660",
                    problems(withEarned({json{{"days_ago", -1}, {"points", 5}}})).c_str());
    STRCMP_CONTAINS("earned[0]: points: must be a whole number from 1 to",
                    problems(withEarned({json{{"days_ago", 1}, {"points", 0}}})).c_str());
    STRCMP_CONTAINS("earned[0]: points: missing", problems(withEarned({json{{"days_ago", 1}}})).c_str());
    STRCMP_CONTAINS("earned[0]: pts: unknown key",
                    problems(withEarned({json{{"days_ago", 1}, {"pts", 1}}})).c_str());
    STRCMP_CONTAINS("earned[0]: must be a JSON object", problems(withEarned({5})).c_str());
    // hotest::kNow is 2026-11-18 (UTC): 17 days ago is 2026-11-01, given twice.
    STRCMP_CONTAINS("earned[1]: days_ago: 2026-11-01 appears twice",
                    problems(withEarned({json{{"day", "2026-11-01"}, {"points", 5}},
                                         json{{"days_ago", 17}, {"points", 5}}}))
                        .c_str());
    json tooMany = json::array();
    for (int i = 0; i <= 1000; ++i) {
        tooMany.push_back(json{{"days_ago", i}, {"points", 1}});
    }
    STRCMP_CONTAINS("earned: more than 1000 days", problems(withEarned(tooMany)).c_str());
}

TEST(LoadFile, DaysAgoCountBackFromTheDayTheFileIsLoaded) {
    auto m = member("m-1");
    m["earned"] = {json{{"days_ago", 0}, {"points", 7}}, json{{"day", "2020-02-29"}, {"points", 3}},
                   json{{"days_ago", 366}, {"points", 20}}};
    const json file = {{"members", {m}}};
    auto parsed = headoffice::LoadFile::parse(file.dump(), hotest::kNow);
    CHECK_TRUE(parsed.hasValue());
    const auto& earned = parsed->members.at(0).earned;
    LONGS_EQUAL(3, earned.size());  // every day, ascending, whether the window holds it or not
    STRCMP_EQUAL("2020-02-29", earned[0].day.c_str());
    STRCMP_EQUAL("2025-11-17", earned[1].day.c_str());
    LONGS_EQUAL(20, earned[1].points);
    STRCMP_EQUAL("2026-11-18", earned[2].day.c_str());
    // A year later, the same file gives the same history a year later.
    auto later = headoffice::LoadFile::parse(file.dump(), hotest::kNow + 365LL * 86400000);
    STRCMP_EQUAL("2026-11-17", later->members.at(0).earned[1].day.c_str());
    STRCMP_EQUAL("2027-11-18", later->members.at(0).earned[2].day.c_str());
}
