#include <string>

#include <nlohmann/json.hpp>

#include "storage/EventPayload.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(EventPayload) {
    storage::LedgerEvent row() {
        storage::LedgerEvent r;
        r.id = "3f2b8c1e-9d4a-4c7e-b1a2-0c9e8f7d6a5b";
        r.kioskId = "kiosk-7";
        r.seq = 42;
        r.event.type = loyalty::EventType::Stamp;
        r.event.memberId = "m-1";
        r.event.stampCardId = "bread";
        r.event.stamps = -6;
        r.event.rating = 0;
        r.event.reason = "Free item earned: Loaf";
        r.time = storage::RecordTime::fromWallMs(1710237600123, -18000, 77);
        return r;
    }
};

TEST(EventPayload, CarriesEveryFieldWithNullsForAbsentIds) {
    const auto json = nlohmann::json::parse(storage::EventPayload::toJson(row()), nullptr, false);
    CHECK_FALSE(json.is_discarded());
    const char* keys[] = {"id",       "kiosk_id", "seq",   "type",   "member_id", "card",           "points_delta",
                          "purchase_amount", "reward_id", "offer_id", "stamp_card_id", "stamps", "rating",
                          "staff_id", "reason",   "voids_event_id", "wall_time", "utc_offset", "monotonic_ns"};
    for (const char* key : keys) {
        CHECK_TEXT(json.contains(key), key);
    }
    LONGS_EQUAL(19, json.size());
    STRCMP_EQUAL("stamp", json["type"].get<std::string>().c_str());
    LONGS_EQUAL(42, json["seq"].get<int>());
    LONGS_EQUAL(-6, json["stamps"].get<int>());
    CHECK_TRUE(json["card"].is_null());
    CHECK_TRUE(json["staff_id"].is_null());
    LONGS_EQUAL(1710237600123, json["wall_time"].get<std::int64_t>());
    LONGS_EQUAL(-18000, json["utc_offset"].get<int>());
    LONGS_EQUAL(77, json["monotonic_ns"].get<std::int64_t>());
}

TEST(EventPayload, TextThatIsNotUtf8IsReplacedNotThrown) {
    auto r = row();
    r.event.reason = std::string("Caf\xE9 bonus");  // Latin-1, not UTF-8
    const std::string text = storage::EventPayload::toJson(r);
    const auto json = nlohmann::json::parse(text, nullptr, false);
    CHECK_FALSE(json.is_discarded());
    STRCMP_EQUAL("Caf\xEF\xBF\xBD bonus", json["reason"].get<std::string>().c_str());
}

// Plain ASCII text takes a writer of its own; it must give the bytes
// nlohmann-json gives (compact, keys sorted), as text that needs escaping does.
TEST(EventPayload, PlainAndEscapedTextGiveNlohmannJsonsOwnBytes) {
    auto plain = row();
    plain.event.type = loyalty::EventType::Earn;
    plain.event.cardId = "04a1b2c3d4e5f6";
    plain.event.pointsDelta = -9223372036854775807LL;
    plain.event.purchaseAmount = 1234;
    plain.event.voidsEventId = "0193b6a0-7c1e-7d4a-b1a2-0c9e8f7d6a5b";
    plain.time = storage::RecordTime::fromWallMs(-5, 50400, -1);
    auto escaped = plain;
    escaped.event.reason = "Say \"hi\"\\ \n\t\x01 caf\xC3\xA9 \xE2\x82\xAC";
    escaped.kioskId = "k\x7F";
    for (const auto& r : {plain, escaped}) {
        const std::string text = storage::EventPayload::toJson(r);
        const auto json = nlohmann::json::parse(text, nullptr, false);
        CHECK_FALSE(json.is_discarded());
        STRCMP_EQUAL(json.dump().c_str(), text.c_str());
        STRCMP_EQUAL(r.event.reason.c_str(), json["reason"].get<std::string>().c_str());
        STRCMP_EQUAL(r.kioskId.c_str(), json["kiosk_id"].get<std::string>().c_str());
    }
}
