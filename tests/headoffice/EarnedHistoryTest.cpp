// A member's earning history ("earned") as head office sends it: in the
// card lookup and the change feed, over the window ending at head office's
// day, from the demo file's histories and from uploaded events; and the
// day arithmetic behind it.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "headoffice/CalendarDay.h"
#include "headoffice/EarnedWindow.h"
#include "tests/headoffice/EventJson.h"
#include "tests/headoffice/TestHeadOffice.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using headoffice::CalendarDay;
using headoffice::EarnedDay;
using headoffice::EarnedWindow;
using hotest::EventJson;
using nlohmann::json;

namespace {

constexpr std::int64_t kDayMs = 86400000;

// Points of an "earned" array whose day is inside [from, through].
std::int64_t sum(const json& earned, const std::string& from = "0000-00-00", const std::string& through = "9999") {
    std::int64_t total = 0;
    for (const auto& day : earned) {
        const auto text = day["day"].get<std::string>();
        if (text >= from && text <= through) {
            total += day["points"].get<std::int64_t>();
        }
    }
    return total;
}

// The tier a kiosk would give for `earned` points, from the tier bodies of
// head office's own catalogue (the demo's mirror assets/program.toml).
std::string tierFor(hotest::TestHeadOffice& office, std::int64_t earned) {
    auto page = office.get("/v1/changes?limit=1000");
    std::string tier;
    std::int64_t best = -1;
    for (const auto& change : page.json["changes"]) {
        if (change["kind"] != "catalogue" || change["data"]["kind"] != "tier") {
            continue;
        }
        const auto threshold = change["data"]["body"]["threshold"].get<std::int64_t>();
        if (threshold <= earned && threshold > best) {
            best = threshold;
            tier = change["data"]["body"]["id"].get<std::string>();
        }
    }
    return tier;
}

json memberOf(hotest::TestHeadOffice& office, const std::string& card) {
    auto answer = office.get("/v1/cards/" + card);
    CHECK_EQUAL_TEXT(200, answer.status, answer.body.c_str());
    return answer.json["member"];
}

// The last 12 months a kiosk at UTC counts on `nowMs` (loyalty::TierCalculator): the days after the same
// day a year ago, through today. As bounds for sum(): "~" sorts after the digits, so a year ago itself is out.
std::pair<std::string, std::string> twelveMonthsTo(std::int64_t nowMs) {
    const std::string today = CalendarDay::text(CalendarDay::utcDay(nowMs));
    const std::string yearAgo = std::to_string(std::stoi(today.substr(0, 4)) - 1) + today.substr(4);
    return {yearAgo + "~", today};
}

}  // namespace

TEST_GROUP(EarnedHistory) {};

TEST(EarnedHistory, TheDemoMakesAnaGoldAndCarlaBronzeWheneverItIsLoaded) {
    for (const std::int64_t now : {hotest::kNow, hotest::kNow + 400 * kDayMs, hotest::kNow + 3000 * kDayMs}) {
        hotest::TestHeadOffice office;
        office.setNow(now);
        office.loadDemo();
        const auto [from, through] = twelveMonthsTo(now);
        const json ana = memberOf(office, "u:04A1B2C3");
        CHECK_EQUAL(6, ana["earned"].size());
        const std::int64_t anaEarned = sum(ana["earned"], from, through);
        LONGS_EQUAL(2400, anaEarned);
        STRCMP_EQUAL("gold", tierFor(office, anaEarned).c_str());
        const json carla = memberOf(office, "u:A1B2C3D4");
        const std::int64_t carlaEarned = sum(carla["earned"], from, through);
        LONGS_EQUAL(290, carlaEarned);
        STRCMP_EQUAL("bronze", tierFor(office, carlaEarned).c_str());
        CHECK_TRUE(carlaEarned >= 140);  // her balance of 140 came from points she earned
        const json ben = memberOf(office, "n:0000000000010001");
        CHECK_TRUE(ben["earned"].is_array());
        CHECK_EQUAL(0, ben["earned"].size());
    }
}

TEST(EarnedHistory, AnAcceptedEarnIsInTheNextLookupAndChangeOnItsShopDay) {
    hotest::TestHeadOffice office;
    office.loadDemo();
    const std::int64_t before = sum(memberOf(office, "u:04A1B2C3")["earned"]);
    auto earn = EventJson::earn(EventJson::id(1), "m-gold", 120);
    earn["wall_time"] = 1794958800000;  // 2026-11-17 23:40 UTC; 2026-11-18 00:40 in the shop at UTC+1
    auto redeem = EventJson::redeem(EventJson::id(2), "m-gold", 150);
    auto answer = office.post("/v1/events", EventJson::batch({earn, redeem}));
    CHECK_EQUAL_TEXT(200, answer.status, answer.body.c_str());
    const json ana = memberOf(office, "u:04A1B2C3");
    LONGS_EQUAL(before + 120, sum(ana["earned"]));  // the redemption earns nothing and takes nothing
    LONGS_EQUAL(120, sum(ana["earned"], "2026-11-18", "2026-11-18"));
    auto page = office.get("/v1/changes?limit=1000");
    json last;
    for (const auto& change : page.json["changes"]) {
        if (change["kind"] == "member" && change["id"] == "m-gold") {
            last = change["data"];
        }
    }
    CHECK_TRUE(last["earned"] == ana["earned"]);
    LONGS_EQUAL(4200 + 120 - 150, last["balance"].get<std::int64_t>());
}

TEST(EarnedHistory, TheLookupSendsTheWindowEndingAtTheDayItAnswers) {
    hotest::TestHeadOffice office;
    office.load(R"({"members":[{"id":"m-1","display_name":"Ana","enrolled_day":"2020-01-01","earned":[
        {"days_ago":367,"points":1},{"days_ago":366,"points":10},{"days_ago":0,"points":100}]}],
        "cards":[{"token":"u:01","member_id":"m-1"}],"kiosks":[{"id":"demo-kiosk","token":"demo-kiosk-token"}]})");
    json earned = memberOf(office, "u:01")["earned"];
    CHECK_EQUAL(2, earned.size());
    STRCMP_EQUAL("2025-11-17", earned[0]["day"].get<std::string>().c_str());  // 2026-11-18 - 366
    LONGS_EQUAL(110, sum(earned));
    office.setNow(hotest::kNow + kDayMs);
    earned = memberOf(office, "u:01")["earned"];
    CHECK_EQUAL(1, earned.size());
    LONGS_EQUAL(100, sum(earned));
    office.setNow(hotest::kNow - kDayMs);  // a clock behind: the day 367 back and the loaded "today" (one ahead)
    LONGS_EQUAL(111, sum(memberOf(office, "u:01")["earned"]));
    office.setNow(hotest::kNow - 2 * kDayMs);  // two days behind: "today" is past the window's end
    LONGS_EQUAL(11, sum(memberOf(office, "u:01")["earned"]));
}

TEST(EarnedHistory, DaysAreCalendarDays) {
    STRCMP_EQUAL("1970-01-01", CalendarDay::text(0).c_str());
    STRCMP_EQUAL("1969-12-31", CalendarDay::text(-1).c_str());
    STRCMP_EQUAL("2024-02-29", CalendarDay::text(*CalendarDay::parse("2024-02-29")).c_str());
    LONGS_EQUAL(1, *CalendarDay::parse("2024-03-01") - *CalendarDay::parse("2024-02-29"));
    CHECK_FALSE(CalendarDay::parse("2025-02-29").has_value());
    CHECK_FALSE(CalendarDay::parse("2025-1-01").has_value());
    CHECK_FALSE(CalendarDay::parse("2025-13-01").has_value());
    LONGS_EQUAL(-1, CalendarDay::utcDay(-1));
    LONGS_EQUAL(20775, CalendarDay::utcDay(hotest::kNow));
    LONGS_EQUAL(20774, CalendarDay::localDay(1794958800000, 0));
    LONGS_EQUAL(20775, CalendarDay::localDay(1794958800000, 3600));
    LONGS_EQUAL(20774, CalendarDay::localDay(hotest::kNow, -12 * 3600));
}

TEST(EarnedHistory, TheWindowIs366DaysBackToOneAhead) {
    const auto window = EarnedWindow::endingAt(hotest::kNow);
    STRCMP_EQUAL("2025-11-17", window.from().c_str());
    STRCMP_EQUAL("2026-11-19", window.through().c_str());
    CHECK_TRUE(window.contains("2025-11-17"));
    CHECK_FALSE(window.contains("2025-11-16"));
    CHECK_FALSE(window.contains("2026-11-20"));
    CHECK_FALSE(EarnedWindow().contains("2026-11-18"));
    std::vector<EarnedDay> history;
    window.add(history, "2026-11-10", 5);
    window.add(history, "2026-11-01", 7);
    window.add(history, "2026-11-10", 3);
    window.add(history, "2020-01-01", 99);  // outside: not held
    LONGS_EQUAL(2, history.size());
    STRCMP_EQUAL("2026-11-01", history[0].day.c_str());
    LONGS_EQUAL(8, history[1].points);
    window.add(history, "2026-11-10", -8);  // a void: the day goes
    LONGS_EQUAL(1, history.size());
    const auto within = window.within({{"2026-11-02", 1}, {"2019-01-01", 4}, {"2026-11-01", 2}, {"2026-11-02", 3}});
    LONGS_EQUAL(2, within.size());
    STRCMP_EQUAL("2026-11-01", within[0].day.c_str());
    LONGS_EQUAL(4, within[1].points);
}
