// A member record's "earned" (docs/sync-protocol.md, "Kinds and their
// data") read strictly: absent or null keeps the kiosk's rows, anything
// malformed refuses the record and names the entry.

#include <nlohmann/json.hpp>
#include <string>

#include "sync/ProfileJson.h"

#include <CppUTest/TestHarness.h>

using kiosksync::ProfileJson;
using nlohmann::json;

namespace {

json ana() {
    return {{"id", "m-gold"},
            {"display_name", "Ana"},
            {"status", "active"},
            {"birthday_month", 5},
            {"consent_marketing", true},
            {"home_store", nullptr},
            {"enrolled_day", "2024-03-01"},
            {"balance", 4200},
            {"segments", {"coffee"}}};
}

json withEarned(json earned) {
    json m = ana();
    m["earned"] = std::move(earned);
    return m;
}

std::string problem(const json& data) {
    auto parsed = ProfileJson::member(data, "member");
    CHECK_FALSE_TEXT(parsed.hasValue(), data.dump().c_str());
    return parsed ? std::string() : parsed.error();
}

}  // namespace

TEST_GROUP(ProfileJson) {};

TEST(ProfileJson, AnEarningHistoryIsReadDayByDay) {
    auto parsed = ProfileJson::member(
        withEarned({json{{"day", "2026-11-04"}, {"points", 450}}, json{{"day", "2024-02-29"}, {"points", 0}},
                    json{{"day", "2026-01-22"}, {"points", 200}, {"source", "a later field"}}}),
        "member");
    CHECK_TRUE_TEXT(parsed.hasValue(), parsed ? "" : parsed.error().c_str());
    CHECK_TRUE(parsed->earned.has_value());
    LONGS_EQUAL(3, parsed->earned->size());
    CHECK((*parsed->earned)[0].on == (loyalty::Date{2026, 11, 4}));
    LONGS_EQUAL(450, (*parsed->earned)[0].points);
    CHECK((*parsed->earned)[1].on == (loyalty::Date{2024, 2, 29}));
    LONGS_EQUAL(0, (*parsed->earned)[1].points);
    LONGS_EQUAL(4200, parsed->confirmedBalance);
    // Empty: head office knows of nothing earned in the window (not the same as absent).
    auto empty = ProfileJson::member(withEarned(json::array()), "member");
    CHECK_TRUE(empty->earned.has_value());
    CHECK_TRUE(empty->earned->empty());
}

TEST(ProfileJson, WithoutAnEarningHistoryTheRecordSaysNothingAboutIt) {
    auto older = ProfileJson::member(ana(), "member");  // a head office before "earned"
    CHECK_TRUE(older.hasValue());
    CHECK_FALSE(older->earned.has_value());
    auto null = ProfileJson::member(withEarned(nullptr), "member");
    CHECK_TRUE(null.hasValue());
    CHECK_FALSE(null->earned.has_value());
}

TEST(ProfileJson, AMalformedEarningHistoryRefusesTheRecordAndNamesTheEntry) {
    STRCMP_EQUAL("member.earned: must be an array of {\"day\": \"YYYY-MM-DD\", \"points\": n}",
                 problem(withEarned(json::object())).c_str());
    STRCMP_EQUAL("member.earned: must be an array of {\"day\": \"YYYY-MM-DD\", \"points\": n}",
                 problem(withEarned("2026-11-04:450")).c_str());
    STRCMP_EQUAL("member.earned[1]: must be a JSON object",
                 problem(withEarned({json{{"day", "2026-11-04"}, {"points", 1}}, 5})).c_str());
    STRCMP_EQUAL("member.earned[0].day: missing", problem(withEarned({json{{"points", 1}}})).c_str());
    STRCMP_EQUAL("member.earned[0].day: must be a string",
                 problem(withEarned({json{{"day", 20261104}, {"points", 1}}})).c_str());
    STRCMP_EQUAL("member.earned[0].day: must be a date YYYY-MM-DD",
                 problem(withEarned({json{{"day", "2025-02-29"}, {"points", 1}}})).c_str());
    STRCMP_EQUAL("member.earned[0].day: must be a date YYYY-MM-DD",
                 problem(withEarned({json{{"day", "04/11/2026"}, {"points", 1}}})).c_str());
    STRCMP_EQUAL("member.earned[0].points: missing", problem(withEarned({json{{"day", "2026-11-04"}}})).c_str());
    STRCMP_EQUAL("member.earned[0].points: out of range",
                 problem(withEarned({json{{"day", "2026-11-04"}, {"points", -1}}})).c_str());
    STRCMP_EQUAL("member.earned[0].points: must be a whole number",
                 problem(withEarned({json{{"day", "2026-11-04"}, {"points", 1.5}}})).c_str());
    STRCMP_EQUAL("member.earned[0].points: must be a whole number",
                 problem(withEarned({json{{"day", "2026-11-04"}, {"points", "12"}}})).c_str());
    STRCMP_EQUAL("member.earned[0].points: out of range",
                 problem(withEarned({json{{"day", "2026-11-04"}, {"points", 2'000'000'000'000'000'000LL}}})).c_str());
    STRCMP_EQUAL("member.earned[2].day: 2026-11-04 appears twice",
                 problem(withEarned({json{{"day", "2026-11-04"}, {"points", 1}},
                                     json{{"day", "2026-11-05"}, {"points", 1}},
                                     json{{"day", "2026-11-04"}, {"points", 2}}}))
                     .c_str());
}

TEST(ProfileJson, AnEarningHistoryHoldsAtMost400Days) {
    json days = json::array();
    const loyalty::Date start{2025, 10, 1};
    for (int i = 0; i < 400; ++i) {
        days.push_back(json{{"day", ProfileJson::dayText(loyalty::dateFromDays(loyalty::daysSinceEpoch(start) + i))},
                            {"points", 1}});
    }
    auto full = ProfileJson::member(withEarned(days), "member");
    CHECK_TRUE_TEXT(full.hasValue(), full ? "" : full.error().c_str());
    LONGS_EQUAL(400, full->earned->size());
    days.push_back(json{{"day", "2030-01-01"}, {"points", 1}});
    STRCMP_EQUAL("member.earned: more than 400 days", problem(withEarned(days)).c_str());
}
