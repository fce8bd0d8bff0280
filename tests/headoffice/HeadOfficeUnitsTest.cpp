// The small parts: gzip, bearer tokens, --listen, JSON bodies, event fields.

#include <string>

#include "headoffice/EventParser.h"
#include "headoffice/Gzip.h"
#include "headoffice/JsonBody.h"
#include "headoffice/ListenAddress.h"
#include "headoffice/TokenHash.h"
#include "tests/headoffice/EventJson.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(HeadOfficeUnits) {};

TEST(HeadOfficeUnits, GzipRoundTripsAndRefusesDamageAndBombs) {
    const std::string text(100000, 'x');
    const auto packed = headoffice::Gzip::compress(text);
    CHECK_TRUE(packed.has_value());
    CHECK_TRUE(packed->size() < 1000);
    STRCMP_EQUAL(text.c_str(), headoffice::Gzip::decompress(*packed, text.size())->c_str());
    CHECK_FALSE(headoffice::Gzip::decompress(*packed, text.size() - 1).has_value());
    CHECK_FALSE(headoffice::Gzip::decompress(packed->substr(0, packed->size() / 2), text.size()).has_value());
    CHECK_FALSE(headoffice::Gzip::decompress("plain text", 100).has_value());
    STRCMP_EQUAL("", headoffice::Gzip::decompress(*headoffice::Gzip::compress(""), 10)->c_str());
}

TEST(HeadOfficeUnits, AcceptEncodingIsReadWithItsQValues) {
    CHECK_TRUE(headoffice::Gzip::accepted("gzip"));
    CHECK_TRUE(headoffice::Gzip::accepted("deflate, GZIP;q=0.5"));
    CHECK_TRUE(headoffice::Gzip::accepted("br, *"));
    CHECK_FALSE(headoffice::Gzip::accepted(""));
    CHECK_FALSE(headoffice::Gzip::accepted("br, deflate"));
    CHECK_FALSE(headoffice::Gzip::accepted("gzip;q=0"));
    CHECK_FALSE(headoffice::Gzip::accepted("gzip; q=0.000"));
    CHECK_FALSE(headoffice::Gzip::accepted("gzipped"));
}

TEST(HeadOfficeUnits, TokensAreHashedAndReadFromTheBearerHeader) {
    STRCMP_EQUAL("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                 headoffice::TokenHash::sha256Hex("").c_str());
    STRCMP_EQUAL("demo-kiosk-token", headoffice::TokenHash::fromAuthorization("Bearer demo-kiosk-token").c_str());
    STRCMP_EQUAL("abc", headoffice::TokenHash::fromAuthorization("bearer  abc ").c_str());
    STRCMP_EQUAL("", headoffice::TokenHash::fromAuthorization("Basic abc").c_str());
    STRCMP_EQUAL("", headoffice::TokenHash::fromAuthorization("Bearer ").c_str());
    STRCMP_EQUAL("", headoffice::TokenHash::fromAuthorization("Bearer a b").c_str());
    const auto a = headoffice::TokenHash::newToken();
    const auto b = headoffice::TokenHash::newToken();
    LONGS_EQUAL(64, a->size());
    CHECK_TRUE(*a != *b);
}

TEST(HeadOfficeUnits, ListenAddressesParseOrSayWhy) {
    auto v4 = headoffice::ListenAddress::parse("127.0.0.1:8480");
    STRCMP_EQUAL("127.0.0.1", v4->host.c_str());
    LONGS_EQUAL(8480, v4->port);
    auto v6 = headoffice::ListenAddress::parse("[::1]:0");
    STRCMP_EQUAL("::1", v6->host.c_str());
    STRCMP_EQUAL("[::1]:0", v6->text().c_str());
    for (const char* bad : {"", "8480", ":8480", "host:", "host:http", "host:70000", "::1:80", "[::1]80"}) {
        auto parsed = headoffice::ListenAddress::parse(bad);
        CHECK_FALSE_TEXT(parsed.hasValue(), bad);
        STRCMP_CONTAINS("HOST:PORT", parsed.error().message.c_str());
    }
}

TEST(HeadOfficeUnits, JsonBodiesNeverThrowAndSayWhere) {
    CHECK_TRUE(headoffice::JsonBody::parse("{\"a\":[1,2,{\"b\":null}]}").hasValue());
    STRCMP_CONTAINS("is empty", headoffice::JsonBody::parse("  \n").error().message.c_str());
    STRCMP_CONTAINS("byte", headoffice::JsonBody::parse("{\"a\":").error().message.c_str());
    auto deep = headoffice::JsonBody::parse(std::string(100000, '[') + std::string(100000, ']'));
    CHECK_FALSE(deep.hasValue());
    STRCMP_CONTAINS("more than 32 deep", deep.error().message.c_str());
    // Brackets inside strings do not count; the error never echoes the input.
    CHECK_TRUE(headoffice::JsonBody::parse("{\"a\":\"" + std::string(100, '[') + "\"}").hasValue());
    auto secret = headoffice::JsonBody::parse("{\"token\": secret-value}");
    CHECK_TRUE(secret.error().message.find("secret") == std::string::npos);
}

TEST(HeadOfficeUnits, EventFieldsAreCheckedByTypeAndKind) {
    auto e = hotest::EventJson::earn(hotest::EventJson::id(1), "m-1", 10);
    CHECK_TRUE(headoffice::EventParser::parse(e).invalid.empty());
    e["future_field"] = {{"anything", true}};  // unknown fields are kept, not refused
    auto parsed = headoffice::EventParser::parse(e);
    CHECK_TRUE(parsed.invalid.empty());
    STRCMP_CONTAINS("future_field", parsed.record.payload.c_str());
    e["points_delta"] = 9223372036854775807LL;
    STRCMP_CONTAINS("points_delta", headoffice::EventParser::parse(e).invalid.c_str());
    e = hotest::EventJson::make(hotest::EventJson::id(1), "stamp", "m-1", 5);
    STRCMP_CONTAINS("must be 0 for a stamp event", headoffice::EventParser::parse(e).invalid.c_str());
    e = hotest::EventJson::make(hotest::EventJson::id(1), "void", "m-1", 5);
    STRCMP_CONTAINS("voids_event_id: missing", headoffice::EventParser::parse(e).invalid.c_str());
    e = hotest::EventJson::cardEvent(hotest::EventJson::id(1), "card-link", "m-1", "u:01");
    e["card"] = nullptr;
    STRCMP_CONTAINS("card: missing", headoffice::EventParser::parse(e).invalid.c_str());
    e = hotest::EventJson::earn(hotest::EventJson::id(1), "m-1", 10);
    e["reason"] = std::string("a\0b", 3);
    STRCMP_CONTAINS("NUL", headoffice::EventParser::parse(e).invalid.c_str());
    e = hotest::EventJson::earn(std::string(65, 'x'), "m-1", 10);
    parsed = headoffice::EventParser::parse(e);
    CHECK_FALSE(parsed.hasId);
    STRCMP_EQUAL(std::string(65, 'x').c_str(), parsed.echoId->c_str());
    e = hotest::EventJson::enrol(hotest::EventJson::id(1), "m-1", "Ana");
    e["member"]["id"] = "m-2";
    STRCMP_CONTAINS("member: id: differs", headoffice::EventParser::parse(e).invalid.c_str());
    STRCMP_EQUAL("2026-11-18", headoffice::EventParser::localDay(1795000000000, 3600).c_str());
    STRCMP_EQUAL("2026-11-19", headoffice::EventParser::localDay(1795044600000, 3600).c_str());
    STRCMP_EQUAL("2026-11-18", headoffice::EventParser::localDay(1795044600000, -3600).c_str());
}
