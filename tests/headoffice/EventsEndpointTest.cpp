// POST /v1/events against a real server and a real SQLite store: every
// status and rejection code, retries, and bodies that must change nothing.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "headoffice/Gzip.h"
#include "tests/headoffice/EventJson.h"
#include "tests/headoffice/TestHeadOffice.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using hotest::Answer;
using hotest::EventJson;
using nlohmann::json;

namespace {

std::string text(const json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

void checkResult(const Answer& answer, std::size_t index, const std::string& status, const std::string& code = "") {
    CHECK_EQUAL_TEXT(200, answer.status, answer.body.c_str());
    const json& result = answer.json["results"][index];
    STRCMP_EQUAL_TEXT(status.c_str(), text(result["status"]).c_str(), answer.body.c_str());
    if (!code.empty()) {
        STRCMP_EQUAL_TEXT(code.c_str(), text(result["code"]).c_str(), answer.body.c_str());
        CHECK_TRUE(result["reason"].is_string() && !result["reason"].get<std::string>().empty());
    }
}

}  // namespace

TEST_GROUP(EventsEndpoint) {
    hotest::TestHeadOffice office;
    void setup() override { office.loadDemo(); }

    Answer upload(const std::vector<json>& events, const std::string& token = hotest::kDemoToken,
                  const std::string& kiosk = "demo-kiosk") {
        return office.post("/v1/events", EventJson::batch(events, kiosk), token);
    }
    std::int64_t balance(const std::string& member) {
        auto m = office.store().member(member);
        CHECK_TRUE(m.hasValue() && m->has_value());
        return (*m)->balance;
    }
    headoffice::StoreCounts counts() {
        auto c = office.store().counts();
        CHECK_TRUE(c.hasValue());
        return *c;
    }
    void checkNothingChanged(const headoffice::StoreCounts& before) {
        const auto after = counts();
        LONGS_EQUAL(before.events, after.events);
        LONGS_EQUAL(before.changes, after.changes);
        LONGS_EQUAL(4200, balance("m-gold"));
    }
    void checkError(const Answer& answer, int status, const char* code) {
        CHECK_EQUAL_TEXT(status, answer.status, answer.body.c_str());
        STRCMP_EQUAL_TEXT(code, text(answer.json["error"]["code"]).c_str(), answer.body.c_str());
        CHECK_TRUE(answer.json["error"]["message"].is_string());
    }
};

TEST(EventsEndpoint, AnEarnIsAcceptedAndAddsToTheBalanceAndTheChangeLog) {
    const auto before = counts();
    auto answer = upload({EventJson::earn(EventJson::id(1), "m-gold", 12)});
    checkResult(answer, 0, "accepted");
    STRCMP_EQUAL(EventJson::id(1).c_str(), text(answer.json["results"][0]["id"]).c_str());
    LONGS_EQUAL(hotest::kNow, answer.json["server_time"].get<std::int64_t>());
    LONGS_EQUAL(4212, balance("m-gold"));
    LONGS_EQUAL(before.changes + 1, counts().changes);
    auto page = office.get("/v1/changes?cursor=" + std::to_string(before.lastChange));
    STRCMP_EQUAL("member", text(page.json["changes"][0]["kind"]).c_str());
    LONGS_EQUAL(4212, page.json["changes"][0]["data"]["balance"].get<std::int64_t>());
}

TEST(EventsEndpoint, TheSameEventAgainIsADuplicateAndCountsOnce) {
    auto earn = EventJson::earn(EventJson::id(1), "m-gold", 12);
    checkResult(upload({earn}), 0, "accepted");
    checkResult(upload({earn}), 0, "duplicate");
    // Also when it comes back from another kiosk, and twice in one batch.
    office.addKiosk("kiosk-2", "kiosk-2-token-0123456789");
    auto fromOther = earn;
    fromOther["kiosk_id"] = "kiosk-2";
    checkResult(upload({fromOther}, "kiosk-2-token-0123456789", "kiosk-2"), 0, "duplicate");
    auto twice = EventJson::earn(EventJson::id(2), "m-gold", 5);
    auto answer = upload({twice, twice});
    checkResult(answer, 0, "accepted");
    checkResult(answer, 1, "duplicate");
    LONGS_EQUAL(4217, balance("m-gold"));
}

TEST(EventsEndpoint, ARejectedEventRetriedStaysRejectedWithTheSameCodeAndReason) {
    auto tooMuch = EventJson::redeem(EventJson::id(1), "m-near", 150);  // Carla has 140
    auto first = upload({tooMuch});
    checkResult(first, 0, "rejected", "overdraw");
    // She earns enough afterwards: the old redemption must not slip through on a retry.
    checkResult(upload({EventJson::earn(EventJson::id(2), "m-near", 100)}), 0, "accepted");
    auto retry = upload({tooMuch});
    checkResult(retry, 0, "rejected", "overdraw");
    STRCMP_EQUAL(text(first.json["results"][0]["reason"]).c_str(), text(retry.json["results"][0]["reason"]).c_str());
    LONGS_EQUAL(240, balance("m-near"));
    auto stored = office.store().event(EventJson::id(1));
    CHECK_TRUE(stored.hasValue() && stored->has_value());
    CHECK_TRUE((*stored)->status == headoffice::EventStatus::Rejected);
    STRCMP_EQUAL("overdraw", (*stored)->code.c_str());
}

TEST(EventsEndpoint, ARedemptionOverdrawsAfterAnotherKiosksRedemption) {
    office.addKiosk("kiosk-2", "kiosk-2-token-0123456789");
    // Both kiosks saw 4200 points offline; each redeems 3000.
    checkResult(upload({EventJson::redeem(EventJson::id(1), "m-gold", 3000, "voucher-5", "kiosk-2")},
                       "kiosk-2-token-0123456789", "kiosk-2"),
                0, "accepted");
    auto answer = upload({EventJson::redeem(EventJson::id(2), "m-gold", 3000, "voucher-5")});
    checkResult(answer, 0, "rejected", "overdraw");
    STRCMP_CONTAINS("1200 pts", text(answer.json["results"][0]["reason"]).c_str());
    LONGS_EQUAL(1200, balance("m-gold"));
    auto total = office.store().rewardTotal("voucher-5");
    CHECK_TRUE(total.hasValue() && total->has_value());
    LONGS_EQUAL(1, (*total)->redeemed);
}

TEST(EventsEndpoint, UnknownMemberAndUnknownEventAreRejected) {
    auto answer = upload({EventJson::earn(EventJson::id(1), "m-nobody", 10),
                          EventJson::voidOf(EventJson::id(2), EventJson::id(999), "m-gold", -10)});
    checkResult(answer, 0, "rejected", "unknown_member");
    checkResult(answer, 1, "rejected", "unknown_event");
    LONGS_EQUAL(4200, balance("m-gold"));
}

TEST(EventsEndpoint, AVoidReversesAnAcceptedEventOnceAndNotARejectedOne) {
    auto redeem = EventJson::redeem(EventJson::id(1), "m-gold", 1200, "gold-lounge");
    checkResult(upload({redeem}), 0, "accepted");
    auto total = office.store().rewardTotal("gold-lounge");
    LONGS_EQUAL(4, (*total)->redeemed);
    auto answer = upload({EventJson::voidOf(EventJson::id(2), EventJson::id(1), "m-gold", 1200),
                          EventJson::voidOf(EventJson::id(3), EventJson::id(1), "m-gold", 1200)});
    checkResult(answer, 0, "accepted");
    checkResult(answer, 1, "rejected", "invalid");
    STRCMP_CONTAINS("already voided", text(answer.json["results"][1]["reason"]).c_str());
    LONGS_EQUAL(4200, balance("m-gold"));
    LONGS_EQUAL(3, (*office.store().rewardTotal("gold-lounge"))->redeemed);
    // A void of a rejected event: head office never had it.
    checkResult(upload({EventJson::redeem(EventJson::id(4), "m-near", 500)}), 0, "rejected", "overdraw");
    checkResult(upload({EventJson::voidOf(EventJson::id(5), EventJson::id(4), "m-near", 500)}), 0, "rejected",
                "unknown_event");
    // A void naming another member's event.
    checkResult(upload({EventJson::earn(EventJson::id(6), "m-near", 5)}), 0, "accepted");
    checkResult(upload({EventJson::voidOf(EventJson::id(7), EventJson::id(6), "m-gold", -5)}), 0, "rejected",
                "invalid");
}

TEST(EventsEndpoint, EnrolCreatesTheMemberAndCardLinkAndBlockChangeCards) {
    const auto before = counts();
    auto enrol = EventJson::enrol(EventJson::id(1), "m-dora", "Dora");
    enrol["wall_time"] = 1795044600000;  // 2026-11-18 23:30 UTC, 00:30 on the 19th in the shop (UTC+1)
    auto answer = upload({enrol,
                          EventJson::cardEvent(EventJson::id(2), "card-link", "m-dora", "n:00000000000000AA"),
                          EventJson::earn(EventJson::id(3), "m-dora", 20),
                          EventJson::cardEvent(EventJson::id(4), "card-block", "m-gold", "u:04A1B2C3")});
    for (std::size_t i = 0; i < 4; ++i) {
        checkResult(answer, i, "accepted");
    }
    auto dora = office.store().member("m-dora");
    CHECK_TRUE(dora.hasValue() && dora->has_value());
    STRCMP_EQUAL("Dora", (*dora)->displayName.c_str());
    LONGS_EQUAL(20, (*dora)->balance);
    LONGS_EQUAL(7, (*dora)->birthdayMonth.value_or(0));
    STRCMP_EQUAL("2026-11-19", (*dora)->enrolledDay.c_str());  // wall_time 1795000000000 at UTC+1
    auto card = office.store().card("n:00000000000000AA");
    STRCMP_EQUAL("ntag21x", (*card)->kind.c_str());
    STRCMP_EQUAL("m-dora", (*card)->memberId.c_str());
    STRCMP_EQUAL("blocked", (*office.store().card("u:04A1B2C3"))->status.c_str());
    // One change per entity, member before its card, with the final state.
    auto page = office.get("/v1/changes?cursor=" + std::to_string(before.lastChange));
    LONGS_EQUAL(3, page.json["changes"].size());
    STRCMP_EQUAL("m-dora", text(page.json["changes"][0]["id"]).c_str());
    LONGS_EQUAL(20, page.json["changes"][0]["data"]["balance"].get<std::int64_t>());
    STRCMP_EQUAL("n:00000000000000AA", text(page.json["changes"][1]["id"]).c_str());
    STRCMP_EQUAL("blocked", text(page.json["changes"][2]["data"]["status"]).c_str());
    // Linking a card that belongs to someone else is refused.
    checkResult(upload({EventJson::cardEvent(EventJson::id(5), "card-link", "m-dora", "u:A1B2C3D4")}), 0, "rejected",
                "invalid");
}

TEST(EventsEndpoint, MalformedEventsAreInvalidOneByOneAndTheOthersAreStillAnswered) {
    auto missing = EventJson::earn(EventJson::id(2), "m-gold", 5);
    missing.erase("points_delta");
    auto wrongType = EventJson::earn(EventJson::id(3), "m-gold", 5);
    wrongType["points_delta"] = "5";
    auto fraction = EventJson::earn(EventJson::id(4), "m-gold", 5);
    fraction["points_delta"] = 5.5;
    auto unknownType = EventJson::make(EventJson::id(5), "teleport", "m-gold", 0);
    auto noId = EventJson::earn(EventJson::id(6), "m-gold", 5);
    noId.erase("id");
    auto negativeEarn = EventJson::earn(EventJson::id(7), "m-gold", -5);
    auto enrolWithoutMember = EventJson::make(EventJson::id(8), "enrol", "m-eve", 0);
    auto answer = upload({EventJson::earn(EventJson::id(1), "m-gold", 10), missing, wrongType, fraction,
                          unknownType, noId, json("not an event"), json::array(), negativeEarn, enrolWithoutMember,
                          EventJson::earn(EventJson::id(9), "m-gold", 1)});
    LONGS_EQUAL(11, answer.json["results"].size());
    checkResult(answer, 0, "accepted");
    for (std::size_t i = 1; i <= 9; ++i) {
        checkResult(answer, i, "rejected", "invalid");
    }
    checkResult(answer, 10, "accepted");
    STRCMP_CONTAINS("points_delta: missing", text(answer.json["results"][1]["reason"]).c_str());
    STRCMP_CONTAINS("points_delta", text(answer.json["results"][2]["reason"]).c_str());
    STRCMP_CONTAINS("teleport", text(answer.json["results"][4]["reason"]).c_str());
    CHECK_TRUE(answer.json["results"][5]["id"].is_null());
    CHECK_TRUE(answer.json["results"][6]["id"].is_null());
    LONGS_EQUAL(4211, balance("m-gold"));
    // Stored under their ids, so a corrected retry with the same id stays rejected.
    checkResult(upload({EventJson::earn(EventJson::id(2), "m-gold", 5)}), 0, "rejected", "invalid");
}

TEST(EventsEndpoint, MoreThan500EventsIs413AndStoresNothing) {
    const auto before = counts();
    std::vector<json> events;
    for (int i = 0; i < 501; ++i) {
        events.push_back(EventJson::earn(EventJson::id(i + 1), "m-gold", 1));
    }
    checkError(upload(events), 413, "too_large");
    checkNothingChanged(before);
    events.pop_back();
    auto answer = upload(events);
    CHECK_EQUAL(200, answer.status);
    LONGS_EQUAL(500, answer.json["results"].size());
    LONGS_EQUAL(4700, balance("m-gold"));
}

TEST(EventsEndpoint, MissingOrUnknownTokensAre401) {
    const auto before = counts();
    const std::string body = EventJson::batch({EventJson::earn(EventJson::id(1), "m-gold", 12)});
    checkError(office.post("/v1/events", body, ""), 401, "unauthorized");
    checkError(office.post("/v1/events", body, "not-the-demo-token"), 401, "unauthorized");
    checkError(office.post("/v1/events", body, "", {{"Authorization", "Basic ZGVtbzpkZW1v"}}), 401, "unauthorized");
    checkNothingChanged(before);
    // The token never reaches the log.
    for (const auto& line : office.logLines()) {
        CHECK_TRUE(line.find("not-the-demo-token") == std::string::npos);
        CHECK_TRUE(line.find(hotest::kDemoToken) == std::string::npos);
    }
}

TEST(EventsEndpoint, ABodyNamingAnotherKioskIs403AndStoresNothing) {
    office.addKiosk("kiosk-2", "kiosk-2-token-0123456789");
    const auto before = counts();
    checkError(upload({EventJson::earn(EventJson::id(1), "m-gold", 12)}, hotest::kDemoToken, "kiosk-2"), 403,
               "wrong_kiosk");
    // An event naming another kiosk, in an otherwise good batch.
    checkError(upload({EventJson::earn(EventJson::id(1), "m-gold", 12),
                       EventJson::earn(EventJson::id(2), "m-gold", 12, "kiosk-2")}),
               403, "wrong_kiosk");
    checkNothingChanged(before);
}

TEST(EventsEndpoint, BodiesThatAreNotABatchAre400AndChangeNothing) {
    const auto before = counts();
    const std::string good = EventJson::batch({EventJson::earn(EventJson::id(1), "m-gold", 12)});
    const std::vector<std::string> bad = {
        "",
        "not json",
        good.substr(0, good.size() / 2),  // cut short
        "[]",
        "{\"kiosk_id\":\"demo-kiosk\"}",
        "{\"kiosk_id\":\"demo-kiosk\",\"events\":{}}",
        "{\"kiosk_id\":42,\"events\":[]}",
        "{\"kiosk_id\":\"demo-kiosk\",\"events\":[\"\xff\xfe\"]}",  // not UTF-8
        std::string(100, '[') + std::string(100, ']'),
    };
    for (const auto& body : bad) {
        const auto answer = office.post("/v1/events", body);
        checkError(answer, 400, "bad_request");
    }
    checkNothingChanged(before);
    const auto notJson = office.post("/v1/events", "{\"events\": [tru]}");
    STRCMP_CONTAINS("not JSON", text(notJson.json["error"]["message"]).c_str());
}

TEST(EventsEndpoint, AGzipBodyIsReadAndBadGzipIs400) {
    std::vector<json> events;
    for (int i = 0; i < 100; ++i) {
        events.push_back(EventJson::earn(EventJson::id(i + 1), "m-gold", 1));
    }
    const std::string body = EventJson::batch(events);
    const auto compressed = headoffice::Gzip::compress(body);
    CHECK_TRUE(compressed.has_value());
    CHECK_TRUE(compressed->size() < body.size() / 4);
    auto answer = office.post("/v1/events", *compressed, hotest::kDemoToken, {{"Content-Encoding", "gzip"}});
    CHECK_EQUAL_TEXT(200, answer.status, answer.body.c_str());
    LONGS_EQUAL(100, answer.json["results"].size());
    LONGS_EQUAL(4300, balance("m-gold"));

    const auto before = counts();
    checkError(office.post("/v1/events", "definitely not gzip", hotest::kDemoToken, {{"Content-Encoding", "gzip"}}),
               400, "bad_request");
    checkError(office.post("/v1/events", compressed->substr(0, compressed->size() / 2), hotest::kDemoToken,
                           {{"Content-Encoding", "gzip"}}),
               400, "bad_request");
    checkError(office.post("/v1/events", body, hotest::kDemoToken, {{"Content-Encoding", "compress"}}), 400,
               "bad_request");
    const auto after = counts();
    LONGS_EQUAL(before.events, after.events);
}

TEST(EventsEndpoint, ADecodedBodyOverTheLimitIs413) {
    // 20 MiB of spaces compress to a few KiB: the limit applies to what they decode to.
    const std::string huge = "{\"events\":[]" + std::string(20 * 1024 * 1024, ' ') + "}";
    const auto compressed = headoffice::Gzip::compress(huge);
    CHECK_TRUE(compressed->size() < 100 * 1024);
    checkError(office.post("/v1/events", *compressed, hotest::kDemoToken, {{"Content-Encoding", "gzip"}}), 413,
               "too_large");
    checkError(office.post("/v1/events", huge), 413, "too_large");
}

TEST(EventsEndpoint, UnknownPathsAndMethodsGetAJsonError) {
    auto answer = office.get("/v1/nothing");
    checkError(answer, 404, "not_found");
    answer = office.get("/v1/events");
    CHECK_EQUAL(404, answer.status);
    CHECK_TRUE(answer.json["error"].is_object());
    // A path cannot forge a log line.
    CHECK_EQUAL(404, office.get("/v1/x%0Aheadoffice:%20forged").status);
    for (const auto& line : office.logLines()) {
        CHECK_TRUE_TEXT(line.find('\n') == std::string::npos, line.c_str());
    }
}
