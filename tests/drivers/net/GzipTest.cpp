#include <string>

#include "net/Gzip.h"

#include <CppUTest/TestHarness.h>

using net::Gzip;

TEST_GROUP(Gzip){};

TEST(Gzip, RoundTrip) {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "{\"seq\":" + std::to_string(i) + "},";
    auto packed = Gzip::compress(text);
    CHECK(packed.hasValue());
    CHECK(packed->size() < text.size() / 4);
    CHECK_EQUAL(0x1f, static_cast<unsigned char>((*packed)[0]));  // gzip magic
    CHECK_EQUAL(0x8b, static_cast<unsigned char>((*packed)[1]));
    auto unpacked = Gzip::decompress(*packed, text.size());
    CHECK(unpacked.hasValue());
    CHECK(*unpacked == text);
    CHECK(Gzip::decompress(*Gzip::compress(""), 0).hasValue());
}

TEST(Gzip, DecompressStopsAtTheLimit) {
    const std::string zeros(1 << 20, '\0');
    auto packed = Gzip::compress(zeros);
    CHECK(packed.hasValue());
    auto unpacked = Gzip::decompress(*packed, 1000);
    CHECK_FALSE(unpacked.hasValue());
    CHECK(unpacked.error().find("over 1000 bytes") != std::string::npos);
}

TEST(Gzip, TruncatedOrForeignInputFails) {
    auto packed = Gzip::compress(std::string(10000, 'x'));
    CHECK_FALSE(Gzip::decompress(packed->substr(0, packed->size() / 2), 1 << 20).hasValue());
    CHECK_FALSE(Gzip::decompress("not gzip at all", 1 << 20).hasValue());
}
