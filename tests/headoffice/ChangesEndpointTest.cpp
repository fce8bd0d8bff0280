// GET /v1/changes: pages in order without gaps or repeats, the same cursor
// the same page, bad cursors and limits, gzip for answers over 8 KiB.

#include <nlohmann/json.hpp>
#include <set>
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

TEST_GROUP(ChangesEndpoint) {
    hotest::TestHeadOffice office;
    void setup() override { office.loadDemo(); }

    Answer page(const std::string& cursor, int limit) {
        return office.get("/v1/changes?cursor=" + cursor + "&limit=" + std::to_string(limit));
    }
    void checkError(const Answer& answer, int status, const char* code) {
        CHECK_EQUAL_TEXT(status, answer.status, answer.body.c_str());
        STRCMP_EQUAL_TEXT(code, answer.json["error"]["code"].get<std::string>().c_str(), answer.body.c_str());
    }
    // Reads the whole log in pages of `limit`: every entry's kind:id, in order.
    std::vector<std::string> readAll(int limit, std::string cursor = "") {
        std::vector<std::string> seen;
        for (int guard = 0; guard < 1000; ++guard) {
            auto answer = page(cursor, limit);
            CHECK_EQUAL_TEXT(200, answer.status, answer.body.c_str());
            CHECK_TRUE(static_cast<int>(answer.json["changes"].size()) <= limit);
            for (const auto& change : answer.json["changes"]) {
                seen.push_back(change["kind"].get<std::string>() + ":" + change["id"].get<std::string>());
            }
            cursor = answer.json["next_cursor"].get<std::string>();
            if (!answer.json["more"].get<bool>()) {
                return seen;
            }
        }
        FAIL("the change log never ended");
        return seen;
    }
};

TEST(ChangesEndpoint, PagesCoverTheLogInOrderWithoutSkipsOrRepeats) {
    const auto all = readAll(1000);
    LONGS_EQUAL(26, all.size());  // demo.json: 3 members, 6 cards, 2 staff, 14 catalogue items, 1 reward total
    STRCMP_EQUAL("member:m-gold", all[0].c_str());
    STRCMP_EQUAL("card:u:04A1B2C3", all[1].c_str());
    STRCMP_EQUAL("reward_total:gold-lounge", all.back().c_str());
    CHECK_TRUE(std::set<std::string>(all.begin(), all.end()).size() == all.size());
    for (int limit : {1, 2, 3, 7, 25, 26, 27}) {
        const auto paged = readAll(limit);
        CHECK_TRUE_TEXT(paged == all, ("limit " + std::to_string(limit)).c_str());
    }
}

TEST(ChangesEndpoint, TheSameCursorGivesTheSamePageEvenAfterNewChanges) {
    auto first = page("", 5);
    auto second = page("5", 5);
    CHECK_TRUE(first.json["more"].get<bool>());
    STRCMP_EQUAL("5", first.json["next_cursor"].get<std::string>().c_str());
    // Balances change in between: the old pages stay as they were; the news come at the end.
    auto upload = office.post("/v1/events", EventJson::batch({EventJson::earn(EventJson::id(1), "m-gold", 12)}));
    CHECK_EQUAL(200, upload.status);
    STRCMP_EQUAL(first.body.c_str(), page("", 5).body.c_str());
    STRCMP_EQUAL(first.body.c_str(), page("0", 5).body.c_str());
    STRCMP_EQUAL(second.body.c_str(), page("5", 5).body.c_str());
    const auto all = readAll(10);
    LONGS_EQUAL(27, all.size());
    STRCMP_EQUAL("member:m-gold", all.back().c_str());
    auto last = page("26", 10);
    LONGS_EQUAL(4212, last.json["changes"][0]["data"]["balance"].get<std::int64_t>());
    // At the end: no changes, the same cursor back, more=false.
    auto end = page("27", 10);
    CHECK_EQUAL(200, end.status);
    LONGS_EQUAL(0, end.json["changes"].size());
    STRCMP_EQUAL("27", end.json["next_cursor"].get<std::string>().c_str());
    CHECK_FALSE(end.json["more"].get<bool>());
}

TEST(ChangesEndpoint, LimitDefaultsTo500AndIsCappedAt1000) {
    // A batch adds one entry per member it changed: one event per batch makes 1100 entries.
    for (int i = 0; i < 1100; ++i) {
        auto answer = office.post("/v1/events",
                                  EventJson::batch({EventJson::earn(EventJson::id(1000 + i), "m-new", 1)}));
        CHECK_EQUAL(200, answer.status);
    }
    auto defaults = office.get("/v1/changes");
    LONGS_EQUAL(500, defaults.json["changes"].size());
    CHECK_TRUE(defaults.json["more"].get<bool>());
    auto capped = page("", 5000);
    LONGS_EQUAL(1000, capped.json["changes"].size());
    STRCMP_EQUAL("1000", capped.json["next_cursor"].get<std::string>().c_str());
}

TEST(ChangesEndpoint, BadCursorsAndLimitsAre400) {
    for (const char* cursor : {"abc", "-1", "1.5", "99999999999999999999", "%20"}) {
        checkError(office.get(std::string("/v1/changes?cursor=") + cursor), 400, "bad_request");
    }
    for (const char* limit : {"0", "-5", "ten", "1e3"}) {
        checkError(office.get(std::string("/v1/changes?limit=") + limit), 400, "bad_request");
    }
    auto past = office.get("/v1/changes?cursor=500");
    checkError(past, 400, "bad_request");
    STRCMP_CONTAINS("past the end", past.json["error"]["message"].get<std::string>().c_str());
    checkError(office.get("/v1/changes", ""), 401, "unauthorized");
}

TEST(ChangesEndpoint, AnswersOver8KiBAreGzippedWhenTheKioskAcceptsIt) {
    // Make the log long enough: 60 members' changes.
    std::vector<json> events;
    for (int i = 0; i < 60; ++i) {
        events.push_back(EventJson::enrol(EventJson::id(i + 1), "m-x" + std::to_string(i), "Member"));
    }
    CHECK_EQUAL(200, office.post("/v1/events", EventJson::batch(events)).status);

    auto client = office.client();
    client.set_decompress(false);
    auto plain = client.Get("/v1/changes", {{"Authorization", "Bearer demo-kiosk-token"}});
    CHECK_TRUE(plain);
    CHECK_TRUE(plain->body.size() > headoffice::Gzip::kAnswerThreshold);
    CHECK_FALSE(plain->has_header("Content-Encoding"));

    auto gzipped = client.Get("/v1/changes", {{"Authorization", "Bearer demo-kiosk-token"},
                                              {"Accept-Encoding", "gzip"}});
    CHECK_TRUE(gzipped);
    STRCMP_EQUAL("gzip", gzipped->get_header_value("Content-Encoding").c_str());
    CHECK_TRUE(gzipped->body.size() < plain->body.size() / 3);
    const auto decoded = headoffice::Gzip::decompress(gzipped->body, 10 * 1024 * 1024);
    CHECK_TRUE(decoded.has_value());
    STRCMP_EQUAL(plain->body.c_str(), decoded->c_str());

    // q=0 refuses gzip; a small answer is never compressed.
    auto refused = client.Get("/v1/changes", {{"Authorization", "Bearer demo-kiosk-token"},
                                              {"Accept-Encoding", "gzip;q=0, br"}});
    CHECK_FALSE(refused->has_header("Content-Encoding"));
    auto small = client.Get("/v1/changes?limit=1", {{"Authorization", "Bearer demo-kiosk-token"},
                                                     {"Accept-Encoding", "gzip, br"}});
    CHECK_FALSE(small->has_header("Content-Encoding"));
    CHECK_TRUE(small->body.size() < headoffice::Gzip::kAnswerThreshold);

    // httplib's own client (decompressing) reads the same JSON.
    auto reader = office.client();
    auto decompressed = reader.Get("/v1/changes", {{"Authorization", "Bearer demo-kiosk-token"},
                                                   {"Accept-Encoding", "gzip"}});
    STRCMP_EQUAL(plain->body.c_str(), decompressed->body.c_str());
}
