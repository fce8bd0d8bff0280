#include <string>

#include "net/HttpError.h"
#include "net/HttpHeaders.h"

#include <CppUTest/TestHarness.h>

using net::HttpHeaders;

TEST_GROUP(HttpHeaders){};

TEST(HttpHeaders, LookupIgnoresCase) {
    HttpHeaders headers{{"Content-Type", "application/json"}, {"retry-after", "3"}};
    STRCMP_EQUAL("application/json", headers.find("content-type")->c_str());
    STRCMP_EQUAL("3", headers.find("Retry-After")->c_str());
    CHECK(headers.contains("CONTENT-TYPE"));
    CHECK_FALSE(headers.find("Content-Typ").has_value());
}

TEST(HttpHeaders, KeepsOrderAndRepeatsAndSetReplacesThemAll) {
    HttpHeaders headers;
    headers.add("Set-Cookie", "a=1");
    headers.add("X-Other", "x");
    headers.add("set-cookie", "b=2");
    LONGS_EQUAL(2, headers.findAll("SET-COOKIE").size());
    STRCMP_EQUAL("a=1", headers.find("Set-Cookie")->c_str());
    headers.set("Set-Cookie", "c=3");
    LONGS_EQUAL(2, headers.size());
    STRCMP_EQUAL("c=3", headers.find("set-cookie")->c_str());
    headers.remove("x-other");
    LONGS_EQUAL(1, headers.size());
}

TEST(HttpHeaders, RedactReplacesEveryOccurrence) {
    STRCMP_EQUAL("a <redacted> b <redacted>", net::redact("a s3cret b s3cret", "s3cret").c_str());
    STRCMP_EQUAL("nothing", net::redact("nothing", "").c_str());
    // A secret that contains the marker cannot loop.
    STRCMP_EQUAL("<redacted>", net::redact("x<redacted>", "x<redacted>").c_str());
}
