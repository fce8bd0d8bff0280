#include <set>
#include <string>

#include "storage/Uuid.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(Uuid) {};

TEST(Uuid, RandomIdsAreVersion4LowercaseAndDistinct) {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        auto id = storage::Uuid::random();
        CHECK_TRUE(id.hasValue());
        const std::string text = id->text();
        LONGS_EQUAL(36, text.size());
        LONGS_EQUAL(4, id->version());
        CHECK_EQUAL('4', text[14]);
        CHECK(text[19] == '8' || text[19] == '9' || text[19] == 'a' || text[19] == 'b');
        CHECK_TRUE(storage::Uuid::isCanonical(text));
        CHECK_TRUE(seen.insert(text).second);
    }
}

TEST(Uuid, VersionAndVariantBitsAreSetOnGivenBytes) {
    storage::Uuid::Bytes bytes;
    bytes.fill(0xFF);
    STRCMP_EQUAL("ffffffff-ffff-4fff-bfff-ffffffffffff", storage::Uuid::v4FromBytes(bytes).text().c_str());
    bytes.fill(0x00);
    STRCMP_EQUAL("00000000-0000-4000-8000-000000000000", storage::Uuid::v4FromBytes(bytes).text().c_str());
}

TEST(Uuid, Version7CarriesTheMillisecondsFirstSoLaterIdsSortLater) {
    storage::Uuid::Bytes bytes;
    bytes.fill(0x00);
    // RFC 9562's example time, 2022-02-22 19:22:22 UTC = 0x017F22E279B0 ms.
    STRCMP_EQUAL("017f22e2-79b0-7000-8000-000000000000",
                 storage::Uuid::v7FromBytes(0x017F22E279B0, bytes).text().c_str());
    bytes.fill(0xFF);
    STRCMP_EQUAL("017f22e2-79b0-7fff-bfff-ffffffffffff",
                 storage::Uuid::v7FromBytes(0x017F22E279B0, bytes).text().c_str());
    std::string previous;
    for (std::int64_t ms = 1795000000000; ms < 1795000000200; ++ms) {
        auto id = storage::Uuid::timeOrdered(ms);
        CHECK_TRUE(id.hasValue());
        LONGS_EQUAL(7, id->version());
        const std::string text = id->text();
        CHECK_TRUE(storage::Uuid::isCanonical(text));
        CHECK_TRUE_TEXT(previous < text, text.c_str());
        previous = text;
    }
    CHECK(storage::Uuid::timeOrdered(1)->text() != storage::Uuid::timeOrdered(1)->text());  // 74 random bits
}

TEST(Uuid, ParsesEitherCaseAndPrintsLowercase) {
    auto parsed = storage::Uuid::parse("3F2B8C1E-9D4A-4C7E-B1A2-0C9E8F7D6A5B");
    CHECK_TRUE(parsed.has_value());
    STRCMP_EQUAL("3f2b8c1e-9d4a-4c7e-b1a2-0c9e8f7d6a5b", parsed->text().c_str());
    CHECK_FALSE(storage::Uuid::isCanonical("3F2B8C1E-9D4A-4C7E-B1A2-0C9E8F7D6A5B"));
    CHECK_TRUE(storage::Uuid::isCanonical("3f2b8c1e-9d4a-4c7e-b1a2-0c9e8f7d6a5b"));
    CHECK_TRUE(*parsed == *storage::Uuid::parse(parsed->text()));
}

TEST(Uuid, RefusesEveryOtherShape) {
    const char* bad[] = {
        "",
        "3f2b8c1e9d4a4c7eb1a20c9e8f7d6a5b",        // no dashes
        "{3f2b8c1e-9d4a-4c7e-b1a2-0c9e8f7d6a5b}",  // braces
        "urn:uuid:3f2b8c1e-9d4a-4c7e-b1a2-0c9e8f7",
        "3f2b8c1e-9d4a-4c7e-b1a2-0c9e8f7d6a5",     // short
        "3f2b8c1e-9d4a-4c7e-b1a2-0c9e8f7d6a5bb",   // long
        "3f2b8c1e-9d4a-4c7e-b1a2_0c9e8f7d6a5b",    // wrong separator
        "3f2b8c1e-9d4a-4c7e-b1a2-0c9e8f7d6a5g",    // not hex
        "3f2b8c1e-9d4a-4c7e--1a2-0c9e8f7d6a5b",
    };
    for (const char* text : bad) {
        CHECK_FALSE(storage::Uuid::parse(text).has_value());
        CHECK_FALSE(storage::Uuid::isCanonical(text));
    }
}

TEST(Uuid, ASourceGivesVersion7IdsFromFreshRandomBytesEachTime) {
    storage::UuidSource source;
    std::set<std::string> seen;
    std::string previous;
    for (std::int64_t i = 0; i < 1000; ++i) {  // 40 refills of its buffer
        const std::int64_t ms = 1795000000000 + i / 10;
        auto id = source.timeOrdered(ms);
        CHECK_TRUE(id.hasValue());
        LONGS_EQUAL(7, id->version());
        const std::string text = id->text();
        CHECK_TRUE(storage::Uuid::isCanonical(text));
        CHECK(text[19] == '8' || text[19] == '9' || text[19] == 'a' || text[19] == 'b');
        CHECK_TRUE_TEXT(seen.insert(text).second, text.c_str());
        STRCMP_EQUAL(storage::Uuid::v7FromBytes(ms, storage::Uuid::Bytes{}).text().substr(0, 13).c_str(),
                     text.substr(0, 13).c_str());
        if (i % 10 == 0) {
            CHECK_TRUE_TEXT(previous < text, text.c_str());  // a later millisecond sorts later
        }
        previous = text;
    }
}
