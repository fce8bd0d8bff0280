// GET /v1/cards/{token} and POST /v1/heartbeat.

#include <nlohmann/json.hpp>
#include <string>

#include "tests/headoffice/EventJson.h"
#include "tests/headoffice/TestHeadOffice.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using hotest::Answer;
using hotest::EventJson;
using nlohmann::json;

namespace {

void checkError(const Answer& answer, int status, const char* code) {
    CHECK_EQUAL_TEXT(status, answer.status, answer.body.c_str());
    STRCMP_EQUAL_TEXT(code, answer.json["error"]["code"].get<std::string>().c_str(), answer.body.c_str());
    CHECK_TRUE(answer.json["error"]["message"].is_string());
}

}  // namespace

TEST_GROUP(CardsEndpoint) {
    hotest::TestHeadOffice office;
    void setup() override { office.loadDemo(); }
};

TEST(CardsEndpoint, AKnownCardAnswersTheCardAndItsMemberWithTheCurrentBalance) {
    auto answer = office.get("/v1/cards/u:04A1B2C3");
    CHECK_EQUAL_TEXT(200, answer.status, answer.body.c_str());
    STRCMP_EQUAL("m-gold", answer.json["card"]["member_id"].get<std::string>().c_str());
    STRCMP_EQUAL("Ana", answer.json["member"]["display_name"].get<std::string>().c_str());
    LONGS_EQUAL(4200, answer.json["member"]["balance"].get<std::int64_t>());
    CHECK_EQUAL(200, office.post("/v1/events", EventJson::batch({EventJson::earn(EventJson::id(1), "m-gold", 12)}))
                         .status);
    answer = office.get("/v1/cards/u:04A1B2C3");
    LONGS_EQUAL(4212, answer.json["member"]["balance"].get<std::int64_t>());
    // A blocked card answers too (the kiosk decides what to show).
    answer = office.get("/v1/cards/u:04A1B2C3D4E5F6");
    STRCMP_EQUAL("blocked", answer.json["card"]["status"].get<std::string>().c_str());
    answer = office.get("/v1/cards/n:0000000000010001");
    STRCMP_EQUAL("ntag21x", answer.json["card"]["kind"].get<std::string>().c_str());
}

TEST(CardsEndpoint, UnknownCardsAre404AndTokensAre401) {
    checkError(office.get("/v1/cards/u:FFFFFFFF"), 404, "unknown_card");
    checkError(office.get("/v1/cards/%20%20"), 404, "unknown_card");
    checkError(office.get("/v1/cards/u:04A1B2C3", ""), 401, "unauthorized");
    checkError(office.get("/v1/cards/u:04A1B2C3", "wrong-token-wrong-token"), 401, "unauthorized");
    for (const auto& line : office.logLines()) {
        CHECK_TRUE_TEXT(line.find("04A1B2C3") == std::string::npos, line.c_str());  // card tokens stay out of the log
    }
}

TEST_GROUP(HeartbeatEndpoint) {
    hotest::TestHeadOffice office;
    void setup() override { office.loadDemo(); }
    std::string body(std::int64_t kioskTime) {
        return json{{"kiosk_id", "demo-kiosk"}, {"version", "0.1.0"}, {"outbox_depth", 3},
                    {"oldest_unsent_age_ms", 42000}, {"reader_state", "ready"}, {"last_error", ""},
                    {"kiosk_time", kioskTime}}
            .dump();
    }
};

TEST(HeartbeatEndpoint, AnswersTheClockOffsetAndKeepsTheLastHeartbeat) {
    office.setNow(1795000000050);
    auto answer = office.post("/v1/heartbeat", body(1795000000000));
    CHECK_EQUAL_TEXT(200, answer.status, answer.body.c_str());
    LONGS_EQUAL(1795000000050, answer.json["server_time"].get<std::int64_t>());
    LONGS_EQUAL(50, answer.json["clock_offset_ms"].get<std::int64_t>());
    office.setNow(1795000060000);
    answer = office.post("/v1/heartbeat", body(1795000070000));  // the kiosk's clock is 10 s ahead
    LONGS_EQUAL(-10000, answer.json["clock_offset_ms"].get<std::int64_t>());
    auto last = office.store().lastHeartbeat("demo-kiosk");
    CHECK_TRUE(last.hasValue() && last->has_value());
    LONGS_EQUAL(-10000, (*last)->clockOffsetMs);
    LONGS_EQUAL(3, (*last)->outboxDepth);
    LONGS_EQUAL(42000, (*last)->oldestUnsentAgeMs.value_or(0));
    STRCMP_EQUAL("ready", (*last)->readerState.c_str());
    STRCMP_EQUAL("0.1.0", (*last)->version.c_str());
}

TEST(HeartbeatEndpoint, BadHeartbeatsAre400Or403AndStoreNothing) {
    checkError(office.post("/v1/heartbeat", "{\"kiosk_id\":\"demo-kiosk\"}"), 400, "bad_request");
    checkError(office.post("/v1/heartbeat", "{\"kiosk_id\":\"demo-kiosk\",\"kiosk_time\":\"soon\"}"), 400,
               "bad_request");
    checkError(office.post("/v1/heartbeat", "{\"kiosk_id\":\"demo-kiosk\",\"kiosk_time\":1,\"outbox_depth\":-1}"),
               400, "bad_request");
    checkError(office.post("/v1/heartbeat", "[1,2]"), 400, "bad_request");
    checkError(office.post("/v1/heartbeat", "{\"kiosk_time\":"), 400, "bad_request");
    checkError(office.post("/v1/heartbeat", "{\"kiosk_id\":\"kiosk-9\",\"kiosk_time\":1}"), 403, "wrong_kiosk");
    checkError(office.post("/v1/heartbeat", body(1), ""), 401, "unauthorized");
    auto last = office.store().lastHeartbeat("demo-kiosk");
    CHECK_TRUE(last.hasValue());
    CHECK_FALSE(last->has_value());
    const auto missing = office.post("/v1/heartbeat", "{\"kiosk_id\":\"demo-kiosk\"}");
    STRCMP_CONTAINS("kiosk_time: missing", missing.json["error"]["message"].get<std::string>().c_str());
}
